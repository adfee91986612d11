/** Overload at the edge: per-node and global limits on pushes, answered 429/503 with Retry-After. */
package dustwatch.gateway.admission;
