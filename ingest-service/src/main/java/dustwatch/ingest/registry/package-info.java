/** Enterprise registry (企业基础信息): registration by city nodes, validation, lookup for the other features. */
package dustwatch.ingest.registry;
