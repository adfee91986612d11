package dustwatch.ingest.push;

import dustwatch.ingest.platform.ReasonCode;

/**
 * One reason a message was refused.
 *
 * @param code    the stable code a city node may switch on
 * @param field   the member it concerns, as a path ({@code points[2].unit}); null for the message as a whole
 * @param message what is wrong, for people
 */
public record Reason(ReasonCode code, String field, String message) {
}
