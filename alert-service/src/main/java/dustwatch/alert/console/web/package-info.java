/** HTTP adapter of the console: the server-sent-events stream. */
package dustwatch.alert.console.web;
