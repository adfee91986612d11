/** HTTP adapter: {@code POST /api/v1/filings}. */
package dustwatch.ingest.filing.web;
