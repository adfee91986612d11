/** Enterprises and their equipment as the registry (基础信息) knows them. */
package dustwatch.contracts.enterprise;
