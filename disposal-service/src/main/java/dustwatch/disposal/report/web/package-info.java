/** HTTP adapter of the reports: xlsx and PDF downloads. */
package dustwatch.disposal.report.web;
