/** Tracing shared by the servlet services: defaults (export off), Kafka observation, the traceparent of raw producers. */
package dustwatch.support.tracing;
