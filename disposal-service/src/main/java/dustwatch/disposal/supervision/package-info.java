/** Supervision (监管考核, plan 五(三), reference §6.2): disposal metrics per enterprise, town, district and city, rankings by a composite score. */
package dustwatch.disposal.supervision;
