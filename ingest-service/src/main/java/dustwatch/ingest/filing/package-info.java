/** Stop-production and maintenance filings (报备): stored, approved or rejected, withdrawn or ended, announced on {@code dust.filing}. */
package dustwatch.ingest.filing;
