/** Every error a servlet service answers is an RFC 9457 problem with a {@code type}, down to Tomcat's own rejections. */
package dustwatch.support.problem;
