package dustwatch.contracts.enterprise;

/** Kind of dust collector (除尘器), domain reference §2.3. */
public enum CollectorType {
    /** 袋式干式除尘器 */
    DRY_BAG,
    /** 滤筒干式除尘器 */
    DRY_CARTRIDGE,
    /** 湿式除尘器 */
    WET,
    /** 旋风除尘器 */
    CYCLONE;

    public boolean isDry() {
        return this != WET;
    }
}
