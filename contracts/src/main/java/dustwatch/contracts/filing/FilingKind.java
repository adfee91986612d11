package dustwatch.contracts.filing;

/** What a filing (报备) declares. Domain reference §2.4 (FILING). */
public enum FilingKind {
    /** 停产报备: the enterprise (or one collector) does not produce. */
    STOP_PRODUCTION,
    /** 检修报备: maintenance; values of points in scope are test values (quality 6, §2.5). */
    MAINTENANCE,
    /** 除尘器停用报备: one collector out of service. */
    COLLECTOR_OUT_OF_SERVICE
}
