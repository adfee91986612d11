/** Dust cleaning plans and check-ins (粉尘清理 / 清扫打卡), domain reference §5. */
package dustwatch.contracts.cleaning;
