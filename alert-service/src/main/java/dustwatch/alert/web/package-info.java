/** What the HTTP APIs of alert-service share: problems and the scope rules of its units. */
package dustwatch.alert.web;
