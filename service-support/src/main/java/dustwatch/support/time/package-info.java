/** Platform time (平台时间): every time in an API answer is ISO-8601 with the platform's offset, never a bare UTC {@code Z}. */
package dustwatch.support.time;
