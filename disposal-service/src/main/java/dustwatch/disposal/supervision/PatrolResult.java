package dustwatch.disposal.supervision;

/** The result of inspecting one enterprise in an online patrol (线上巡查结果). */
public enum PatrolResult {
    /** 正常: data, video and disposal in order. */
    NORMAL,
    /** 发现问题: something to follow up (the remark says what). */
    ISSUE_FOUND,
    /** 无法核查: offline or unreachable. */
    UNREACHABLE
}
