package dustwatch.disposal.warning.web;

/**
 * Free text in requests (feedback, remarks) may hold line breaks and tabs but no other control character: a
 * NUL cannot be stored in PostgreSQL text and was answered 500.
 */
public final class TextRules {
    /** Anything but U+0000–U+0008, U+000B, U+000C, U+000E–U+001F and U+007F. */
    public static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String MESSAGE = "must not contain control characters";

    private TextRules() {
    }
}
