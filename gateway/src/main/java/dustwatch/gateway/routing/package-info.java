/** Routing to the services: routes, timeouts and circuit breakers are configuration (application.yml); this package holds where they fail over to. */
package dustwatch.gateway.routing;
