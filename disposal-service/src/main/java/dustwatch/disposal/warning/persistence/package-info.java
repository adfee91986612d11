/** PostgreSQL adapter of the warning feature: the {@code disposal.warning} and {@code disposal.timeline_event} tables. */
package dustwatch.disposal.warning.persistence;
