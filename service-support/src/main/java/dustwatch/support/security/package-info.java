/**
 * Security shared by the servlet services: every service checks the bearer token itself and scopes by
 * region (architecture: "Scope is enforced in each service, not only in the gateway").
 */
package dustwatch.support.security;
