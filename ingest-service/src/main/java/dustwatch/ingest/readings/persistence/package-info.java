/** PostgreSQL adapter of the readings store: table ingest.reading (hypertable or range-partitioned). */
package dustwatch.ingest.readings.persistence;
