/** HTTP adapter of the bulk import and the regulators' registry write: /api/v1/registry/imports, /api/v1/registry/admin/**. */
package dustwatch.ingest.registry.imports.web;
