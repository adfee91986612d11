/** The duty console's end-to-end browser test on the real stack. */
package dustwatch.console.e2e;
