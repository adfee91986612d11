/** The platform's one OpenAPI document: the services' {@code /v3/api-docs} merged at the gateway, with Swagger UI. */
package dustwatch.gateway.apidocs;
