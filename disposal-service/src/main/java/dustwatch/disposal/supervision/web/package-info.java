/** HTTP adapter of supervision: {@code /api/v1/supervision/**}, JSON and xlsx. */
package dustwatch.disposal.supervision.web;
