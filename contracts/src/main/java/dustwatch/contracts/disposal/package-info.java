/** Warning lifecycle transitions (预警处置) as announced by disposal-service. */
package dustwatch.contracts.disposal;
