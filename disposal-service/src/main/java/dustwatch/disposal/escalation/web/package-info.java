/** HTTP adapter of the escalation ladder: {@code /api/v1/escalations}, the enforcement list and the monthly circular. */
package dustwatch.disposal.escalation.web;
