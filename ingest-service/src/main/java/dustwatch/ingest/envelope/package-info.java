/** The national SM4 envelope (国标 SM4 信封): {@code {appid, data}} with SM4-CBC ciphertext, per-node app keys kept encrypted. */
package dustwatch.ingest.envelope;
