/** Records a service could not apply, kept with the reason instead of being dropped. */
package dustwatch.contracts.deadletter;
