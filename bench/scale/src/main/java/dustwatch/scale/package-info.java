/** The national-scale benchmark ({@code bench/scale/run.sh}). */
package dustwatch.scale;
