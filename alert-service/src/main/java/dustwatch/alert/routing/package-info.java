/** Routing (推送路由): which tiers and which regions a warning of a given colour reaches. */
package dustwatch.alert.routing;
