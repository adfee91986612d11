/** Stop-production and maintenance filings (报备) declared by enterprises and approved by their town or district. */
package dustwatch.contracts.filing;
