/** Channels (推送渠道) behind {@link dustwatch.alert.delivery.Channel}: console, SMS, e-mail and signed webhooks, each in its subpackage. */
package dustwatch.alert.channel;
