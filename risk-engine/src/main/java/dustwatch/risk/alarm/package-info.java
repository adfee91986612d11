/** Alarm rules (报警) of domain reference §1.2 and their evaluation per point, independent of Kafka. */
package dustwatch.risk.alarm;
