/** HTTP API of the routing table: {@code /api/v1/alerts/routing}, its history and the preview of a warning. */
package dustwatch.alert.routing.web;
