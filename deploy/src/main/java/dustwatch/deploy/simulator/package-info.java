/** A city aggregation node (市级汇聚节点) simulator pushing a realistic stream for Licheng's enterprises. */
package dustwatch.deploy.simulator;
