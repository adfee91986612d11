/** HTTP adapter: {@code PUT /api/v1/cleaning/plan}, {@code POST /api/v1/cleaning/check-ins}. */
package dustwatch.ingest.cleaning.web;
