/** Routing (推送路由): the routing table as data (region × colour × event kind → units), the known warnings, and the older colour → tiers lists of the console stream. */
package dustwatch.alert.routing;
