/** SMS (短信) through an HTTP provider. */
package dustwatch.alert.channel.sms;
