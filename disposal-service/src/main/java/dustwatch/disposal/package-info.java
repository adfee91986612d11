/** disposal-service: the warning lifecycle (预警处置), its append-only timeline and the transactional outbox. */
package dustwatch.disposal;
