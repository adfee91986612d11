/** The Kafka Streams topology that joins readings, registry and disposal events per enterprise (keyed by USCC). */
package dustwatch.risk.stream;
