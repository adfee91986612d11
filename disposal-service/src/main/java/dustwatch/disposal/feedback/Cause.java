package dustwatch.disposal.feedback;

/** The cause (原因类别) an enterprise names for an alarm or a warning; domain reference §4.2. */
public enum Cause {
    /** 真实隐患 */
    REAL_HAZARD,
    /** 工艺波动 */
    PROCESS_FLUCTUATION,
    /** 传感器故障 */
    SENSOR_FAULT,
    /** 检修维护 */
    MAINTENANCE,
    /** 误报 */
    FALSE_ALARM;

    /** The Chinese label shown in reports, e.g. 真实隐患. */
    public String label() {
        return switch (this) {
            case REAL_HAZARD -> "真实隐患";
            case PROCESS_FLUCTUATION -> "工艺波动";
            case SENSOR_FAULT -> "传感器故障";
            case MAINTENANCE -> "检修维护";
            case FALSE_ALARM -> "误报";
        };
    }
}
