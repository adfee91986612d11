/** HTTP adapter of the registry: PUT and GET /api/v1/registry/enterprises. */
package dustwatch.ingest.registry.web;
