/** What the services say to each other: event records, the topic registry and the domain vocabulary. */
package dustwatch.contracts;
