/** Cleaning plans and check-ins (清扫计划 / 清扫打卡) entered by enterprise users: validated, then published. */
package dustwatch.ingest.cleaning;
