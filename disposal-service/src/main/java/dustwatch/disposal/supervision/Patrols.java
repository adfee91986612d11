package dustwatch.disposal.supervision;

import dustwatch.contracts.region.RegionCode;

import java.time.Instant;
import java.util.List;

/** Where online patrols (线上巡查) are kept. Implemented by {@code persistence.JdbcPatrols}; callers hold a transaction. */
public interface Patrols {

    /** The enterprises known under {@code region} (from their alarms and warnings), by USCC. */
    List<String> enterprisesUnder(RegionCode region);

    /** Stores a drawn sample. */
    void draw(String patrolId, RegionCode region, List<String> usccs, String drawnBy, Instant at);

    /** The items of a patrol whose region lies under {@code scope}, by USCC; empty when none. */
    List<PatrolItem> items(String patrolId, RegionCode scope);

    /** Records a result; false when the item does not exist under {@code scope}. */
    boolean record(String patrolId, String uscc, RegionCode scope, PatrolResult result, String remark, String by,
                   Instant at);

    /**
     * One enterprise of a patrol sample.
     *
     * @param result null until inspected
     */
    record PatrolItem(String patrolId, String regionCode, String uscc, String drawnBy, Instant drawnAt,
                      PatrolResult result, String remark, String checkedBy, Instant checkedAt) {
    }
}
