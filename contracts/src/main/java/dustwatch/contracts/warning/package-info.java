/** Colour-graded warnings (预警) issued by the risk engine. */
package dustwatch.contracts.warning;
