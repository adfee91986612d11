/** Reading the latest risk assessment (风险评估结果) of an enterprise. */
package dustwatch.risk.assessment;
