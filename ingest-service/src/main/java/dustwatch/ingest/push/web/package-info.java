/** HTTP adapter of the push: POST /api/v1/ingest/messages. */
package dustwatch.ingest.push.web;
