/** Edge security: a valid bearer token with a {@code dw_kind} claim for every API path, 401/403 as problem details. */
package dustwatch.gateway.edge;
