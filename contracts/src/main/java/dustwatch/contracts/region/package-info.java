/** GB/T 2260 region codes and the government tiers they imply. */
package dustwatch.contracts.region;
