/** Starting, watching and stopping the processes of the local stack. */
package dustwatch.deploy.stack;
