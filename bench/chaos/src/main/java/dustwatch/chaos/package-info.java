/** The chaos suite: a resending client, faults (kill -9, SIGSTOP, overload) and a loss accounting by msgId. */
package dustwatch.chaos;
