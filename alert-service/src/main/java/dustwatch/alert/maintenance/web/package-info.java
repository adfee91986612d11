/** HTTP API of maintenance windows: {@code /api/v1/alerts/maintenance-windows}. */
package dustwatch.alert.maintenance.web;
