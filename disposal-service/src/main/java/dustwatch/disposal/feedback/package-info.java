/** Structured feedback (反馈) shared by alarm handling and warning disposal: a cause from a fixed set, measures, evidence. */
package dustwatch.disposal.feedback;
