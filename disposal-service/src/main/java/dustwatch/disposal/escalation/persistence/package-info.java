/** PostgreSQL adapter of the escalation ladder: table {@code disposal.escalation_timer}. */
package dustwatch.disposal.escalation.persistence;
