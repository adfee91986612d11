/** HTTP adapter: {@code /api/v1/cleaning/plan}, {@code /api/v1/cleaning/check-ins}, {@code /api/v1/cleaning/compliance}. */
package dustwatch.ingest.cleaning.web;
