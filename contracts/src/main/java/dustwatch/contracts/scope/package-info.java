/** Who is asking: the actor of a request and what it may see. */
package dustwatch.contracts.scope;
