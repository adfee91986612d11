/** Delivery records of pushed warnings (推送记录). */
package dustwatch.contracts.notification;
