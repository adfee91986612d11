/** Tables {@code ingest.cleaning_plan}, {@code ingest.cleaning_check_in} and {@code ingest.cleaning_photo}. */
package dustwatch.ingest.cleaning.persistence;
