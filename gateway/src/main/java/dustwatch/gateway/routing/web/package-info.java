/** The circuit-breaker fallback endpoint that answers 503 problem details with {@code Retry-After}. */
package dustwatch.gateway.routing.web;
