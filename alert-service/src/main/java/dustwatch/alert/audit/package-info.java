/** Audit trail (操作留痕) of changes to routing, rosters and maintenance windows. */
package dustwatch.alert.audit;
