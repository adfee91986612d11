/** Warning issuance (预警): escalate-only decisions against an enterprise's open warning. */
package dustwatch.risk.warning;
