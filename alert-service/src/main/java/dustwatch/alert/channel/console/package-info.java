/** The duty console as a channel: hands warnings to {@link dustwatch.alert.console.ConsoleHub}. */
package dustwatch.alert.channel.console;
