/** HTTP adapter: {@code /api/v1/filings} and the filing lifecycle. */
package dustwatch.ingest.filing.web;
