/** HTTP API of duty rosters: {@code /api/v1/alerts/rosters/{unitCode}}. */
package dustwatch.alert.roster.web;
