package dustwatch.ingest.cleaning;

import java.util.List;

/**
 * A cleaning check-in (清扫打卡) as the app sends it; the time is the server's.
 *
 * @param areaCode    the plan's area
 * @param method      VACUUM, WET_SWEEPING or MANUAL
 * @param photoHashes SHA-256 of each photo taken in the app, 64 hex characters each
 * @param person      who cleaned
 * @param latitude    WGS-84
 * @param longitude   WGS-84
 */
public record CheckInRequest(String areaCode, String method, List<String> photoHashes, String person, Double latitude,
                             Double longitude) {
}
