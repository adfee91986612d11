/** The local stack: starts real parts (broker, database, identity, services) and feeds them a city node's stream. */
package dustwatch.deploy;
