/** Stop-production and maintenance filings (报备) entered through the API: validated, then published to {@code dust.filing}. */
package dustwatch.ingest.filing;
