/** alert-service: routes warnings (预警) to tiers by colour and pushes them to on-duty consoles. */
package dustwatch.alert;
