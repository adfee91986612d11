/** Readings, heartbeats and the parameter catalogue (监测参数) they are measured against. */
package dustwatch.contracts.reading;
