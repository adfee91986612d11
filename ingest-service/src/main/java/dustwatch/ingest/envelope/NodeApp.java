package dustwatch.ingest.envelope;

/**
 * The credentials a city aggregation node (市级汇聚节点) uses on the national envelope: the appId and appSecret
 * issued to it, and the SM4 key and IV (盐) its payloads are encrypted with. Domain reference §2.3–2.4.
 *
 * @param appId        the app id, sent as {@code appid} in the body
 * @param regionCode   the city the node pushes for: it may push only enterprises registered there
 * @param secretSha256 SHA-256 of the appSecret (the secret itself is never stored)
 * @param cipher       SM4-CBC with the app's key and IV
 */
public record NodeApp(String appId, String regionCode, byte[] secretSha256, Sm4Cbc cipher) {
}
