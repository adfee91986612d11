/** HTTP adapter of the readings store: GET /api/v1/readings. */
package dustwatch.ingest.readings.web;
