/** Routing to the services: routes, timeouts and circuit breakers live in application.yml; this package holds their settings. */
package dustwatch.gateway.routing;
