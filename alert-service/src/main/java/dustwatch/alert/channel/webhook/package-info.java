/** Signed webhooks (HMAC-SHA256) to a unit's own system. */
package dustwatch.alert.channel.webhook;
