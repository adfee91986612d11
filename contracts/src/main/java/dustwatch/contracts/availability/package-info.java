/** Online and offline (在线/离线) of gateways and enterprises, domain reference §2.6. */
package dustwatch.contracts.availability;
