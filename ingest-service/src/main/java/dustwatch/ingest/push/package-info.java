/** Push of gateway messages (REALTIME 实时数据, HEARTBEAT 心跳) by city nodes: lenient parsing, validation, receipts, events. */
package dustwatch.ingest.push;
