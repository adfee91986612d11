package dustwatch.ingest.registry;

/**
 * One reason a registration was refused.
 *
 * @param field  JSON path of the field, e.g. {@code regionCode} or {@code collectors[1].code}
 * @param reason what is wrong, in words an integrator can act on
 */
public record FieldError(String field, String reason) {
}
