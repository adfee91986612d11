/** Point alarms (报警): one point crossing a rule at one enterprise. */
package dustwatch.contracts.alarm;
