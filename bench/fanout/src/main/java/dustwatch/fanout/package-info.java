/** The console fan-out benchmark: warnings pushed to many connected duty consoles, push latency percentiles. */
package dustwatch.fanout;
