/** PostgreSQL adapter of the registry: table ingest.enterprise. */
package dustwatch.ingest.registry.persistence;
