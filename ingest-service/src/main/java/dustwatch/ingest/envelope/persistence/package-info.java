/** Table {@code ingest.node_app}: the app credentials of the envelope. */
package dustwatch.ingest.envelope.persistence;
