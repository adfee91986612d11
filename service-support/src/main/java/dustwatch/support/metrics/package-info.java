/** Metrics glue shared by the servlet services: Kafka client meters for the services' own client factories. */
package dustwatch.support.metrics;
