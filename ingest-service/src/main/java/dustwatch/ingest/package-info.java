/** ingest-service: push API for city nodes, enterprise registry, receipts and the readings store. */
package dustwatch.ingest;
