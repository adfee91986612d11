package dustwatch.contracts.cleaning;

import java.time.Instant;
import java.util.List;

/**
 * A cleaning check-in (清扫打卡): one area cleaned, with photo evidence taken in the app. The value on
 * {@code dust.cleaning}, keyed by USCC. Domain reference §5.2: the time is the server's, the position is
 * checked against the enterprise's geofence, and a photo whose content hash was seen before is invalid
 * evidence.
 *
 * @param checkInId    id of the check-in (consumers are idempotent on it)
 * @param uscc         enterprise code
 * @param regionCode   the enterprise's region
 * @param areaCode     the plan's area
 * @param method       VACUUM, WET_SWEEPING or MANUAL (compressed-air blowing is not a method)
 * @param photoHashes  SHA-256 of each photo's content, hex; at least one
 * @param person       who cleaned
 * @param latitude     WGS-84 latitude at check-in
 * @param longitude    WGS-84 longitude at check-in
 * @param checkedInAt  server time of the check-in
 * @param source       APP or NODE
 */
public record CleaningCheckIn(
        String checkInId,
        String uscc,
        String regionCode,
        String areaCode,
        String method,
        List<String> photoHashes,
        String person,
        double latitude,
        double longitude,
        Instant checkedInAt,
        String source) {

    public CleaningCheckIn {
        photoHashes = photoHashes == null ? List.of() : List.copyOf(photoHashes);
    }
}
