/** Table {@code ingest.filing}. */
package dustwatch.ingest.filing.persistence;
