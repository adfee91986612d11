/** The OpenAPI document ({@code /v3/api-docs}) of every servlet service: springdoc, with the bearer scheme declared. */
package dustwatch.support.openapi;
