/** The escalation ladder (升级督办): persisted timers per warning and rule that fire 督办, 现场督办, 执法 and 警示通报 exactly once. */
package dustwatch.disposal.escalation;
