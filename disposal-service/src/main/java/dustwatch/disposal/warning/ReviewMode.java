package dustwatch.disposal.warning;

/** How a regulator checked an enterprise's feedback (核查方式), domain reference §4.3–4.4. */
public enum ReviewMode {
    /** 远程核查: video, phone, data. */
    REMOTE,
    /** 现场核查: on site. */
    ON_SITE
}
