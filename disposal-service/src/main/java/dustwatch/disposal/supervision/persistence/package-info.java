/** PostgreSQL adapter of supervision: reads the facts of alarms and warnings of a period. */
package dustwatch.disposal.supervision.persistence;
