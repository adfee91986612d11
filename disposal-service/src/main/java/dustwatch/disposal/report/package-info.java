/** Reports regulators export: rankings and lists as xlsx (Apache POI), the warning feedback report and the monthly circular as PDF (PDFBox, Noto Sans SC embedded). */
package dustwatch.disposal.report;
