/** The duty console's backend-for-frontend: Keycloak login (code + PKCE), session cookie, tokens relayed to the services. */
package dustwatch.gateway.console;
