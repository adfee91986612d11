/** HTTP adapter of the warning feature: the {@code /api/v1/warnings} endpoints and their problem details. */
package dustwatch.disposal.warning.web;
