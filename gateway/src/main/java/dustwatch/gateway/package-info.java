/** The dustwatch edge: one Spring Cloud Gateway in front of every service (routes, token check, 503 fallbacks). */
package dustwatch.gateway;
