/** The warning case (预警) and its closed loop 签收 → 反馈 → 消警: state machine, rules, deadlines, use cases. */
package dustwatch.disposal.warning;
