/** {@code POST /api/v1/ingest/envelope} and {@code /api/v1/registry/node-apps}. */
package dustwatch.ingest.envelope.web;
