package dustwatch.deploy.simulator;

import dustwatch.contracts.enterprise.CollectorType;
import dustwatch.contracts.enterprise.DustType;
import dustwatch.contracts.enterprise.Uscc;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated registry of fictional enterprises for load: the national scale (about 43,000 dust-explosion
 * enterprises) or a benchmark's population. Every enterprise has a valid USCC (GB 32100 check character; the
 * registration authority code 9, type 1, the district's code, then {@code N}, a tag letter and a serial), a town
 * code of one of Putian's districts (the local realm has one city node, {@code putian-node}; a national
 * deployment has one node per city, each pushing its own), and two dry bag collectors, so 8 points per
 * REALTIME message (hopper temperature, pressure drop, airlock fault, fan run per collector).
 */
public final class GeneratedRegistry {
    /** Putian's districts and county (城厢, 涵江, 荔城, 秀屿, 仙游). */
    public static final List<String> PUTIAN_DISTRICTS = List.of("350302", "350303", "350304", "350305", "350322");
    private static final List<String> TOWNS = List.of("001", "002", "003", "100", "101", "102");

    private GeneratedRegistry() {
    }

    /**
     * {@code count} enterprises spread over {@code districts} (round robin), named and coded by {@code tag} (one
     * letter or digit of the USCC alphabet, so that two populations never share a code).
     */
    public static List<SimulatedEnterprise> generate(int count, char tag, List<String> districts) {
        if (count < 0 || count > 99_999_999) {
            throw new IllegalArgumentException("count must be 0..99,999,999");
        }
        List<SimulatedEnterprise> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String district = districts.get(i % districts.size());
            String town = district + TOWNS.get((i / districts.size()) % TOWNS.size());
            String first17 = "91" + district + "N" + tag + String.format("%07d", i);
            String uscc = first17 + Uscc.checkCharacter(first17);
            List<SimulatedEnterprise.Collector> collectors = List.of(
                    new SimulatedEnterprise.Collector(uscc + "-DC001", CollectorType.DRY_BAG, false),
                    new SimulatedEnterprise.Collector(uscc + "-DC002", CollectorType.DRY_BAG, true));
            out.add(new SimulatedEnterprise(uscc, "莆田市模拟粉尘企业" + tag + i + "有限公司", "模拟" + tag + i, "sim" + tag + i,
                    town, town, DustType.WOOD, 10 + i % 40, i % 3 == 0, collectors));
        }
        return out;
    }
}
