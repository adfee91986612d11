/** PostgreSQL adapter of alarm handling: {@code disposal.alarm_case} and {@code disposal.alarm_event}. */
package dustwatch.disposal.alarm.persistence;
