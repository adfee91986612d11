/** Readings store: the sink of dust.realtime into PostgreSQL and the scoped query of the latest readings. */
package dustwatch.ingest.readings;
