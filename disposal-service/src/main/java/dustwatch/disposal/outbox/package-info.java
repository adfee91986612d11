/** Transactional outbox: disposal events written with each transition, relayed to {@code Topics.DISPOSAL_EVENTS}. */
package dustwatch.disposal.outbox;
