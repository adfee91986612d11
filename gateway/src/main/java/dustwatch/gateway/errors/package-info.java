/** The gateway's last-resort error answer: every unhandled error as an RFC 9457 problem. */
package dustwatch.gateway.errors;
