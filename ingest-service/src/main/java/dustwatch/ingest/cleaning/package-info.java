/** Cleaning plans and check-ins (清扫计划 / 清扫打卡) of enterprise users: validated, stored, announced; compliance per China day. */
package dustwatch.ingest.cleaning;
