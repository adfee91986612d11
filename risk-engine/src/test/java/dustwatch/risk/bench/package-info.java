/** Rough throughput figures of the topology; run on demand ({@code -Dtest=TopologyThroughputBench}), never in CI. */
package dustwatch.risk.bench;
