/** HTTP API of the delivery log: {@code /api/v1/alerts/deliveries}. */
package dustwatch.alert.delivery.web;
