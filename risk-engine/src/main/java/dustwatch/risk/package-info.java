/** The risk engine: alarm rules (报警), enterprise risk (§3.2) and warnings (预警) over Kafka Streams. */
package dustwatch.risk;
