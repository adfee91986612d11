/** HTTP adapter of alarm handling: {@code /api/v1/alarms}. */
package dustwatch.disposal.alarm.web;
