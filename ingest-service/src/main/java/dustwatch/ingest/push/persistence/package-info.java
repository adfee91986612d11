/** PostgreSQL adapter of the push: the receipts table ingest.receipt (idempotency on msgId). */
package dustwatch.ingest.push.persistence;
