/** PostgreSQL adapter of the console: the console event log (schema {@code alert}, tables {@code console_event}, {@code console_warning}). */
package dustwatch.alert.console.persistence;
