/** A fake SMS provider (短信网关模拟) for the local stack and tests. */
package dustwatch.fakesms;
