/** E-mail (邮件) over SMTP. */
package dustwatch.alert.channel.email;
