/** The risk model of domain reference §3.2: inherent score, dynamic score, colour matrix, hard triggers. */
package dustwatch.risk.model;
