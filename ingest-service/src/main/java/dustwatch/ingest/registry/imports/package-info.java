/** Bulk registry import (企业批量导入) by regulators: CSV and xlsx rows to registrations, with a per-row report. */
package dustwatch.ingest.registry.imports;
