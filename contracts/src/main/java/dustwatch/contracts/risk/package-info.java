/** Enterprise risk: colours, assessments and their contributing factors (风险评估). */
package dustwatch.contracts.risk;
