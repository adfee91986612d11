package dustwatch.alert.routing;

import java.time.Instant;

/** A warning (预警) as alert-service knows it: from {@code dust.warning}, with sign-in, clearing and supersession. */
public record KnownWarning(String warningId, String uscc, String enterpriseName, String regionCode, String colour,
                           Instant issuedAt, String supersedes, String supersededBy, Instant signedInAt,
                           Instant clearedAt) {
    /** Still to be acted on: neither signed in, cleared nor superseded. */
    public boolean awaitingSignIn() {
        return signedInAt == null && clearedAt == null && supersededBy == null;
    }
}
