/** HTTP adapter: {@code GET /api/v1/risk/enterprises/{uscc}}, scoped by the caller's region. */
package dustwatch.risk.assessment.web;
