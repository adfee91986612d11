/** Alarm handling (报警处置): alarm cases opened from {@code dust.alarm}, their lifecycle and SLAs. */
package dustwatch.disposal.alarm;
