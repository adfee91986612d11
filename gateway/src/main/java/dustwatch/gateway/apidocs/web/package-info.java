/** {@code GET /v3/api-docs} at the gateway: fetches each routed service's document and answers the merge. */
package dustwatch.gateway.apidocs.web;
