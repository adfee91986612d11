/** Delivery: takes each warning once, hands it to every delivery channel and logs one notification per audience. */
package dustwatch.alert.delivery;
