package nl.gehoord.trends;

import java.util.Arrays;
import java.util.Objects;

/**
 * One case's contribution to the rollup: coded facts only. {@code provider} is the care provider the case is
 * about ("" when none), kept here because erasure clears the location on the case itself. {@code recordKey} is the
 * case's random record key for the cell-key method (0 to 2^32 - 1, drawn once when the case is first counted and
 * never shown): the rollup adds the keys up per cell and per layer value, and {@link PTable} turns a cell's key
 * sum and count into the published count.
 */
public record CaseFacts(String month, String topic, String setting, String regionCode, String ageBand,
                        String provider, String outcome, boolean formal, String sla, Integer frBucket,
                        Integer resBucket, long recordKey) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    public static final String WITHDRAWN = "withdrawn";
    public static final String SLA_MET = "met";
    public static final String SLA_MISSED = "missed";
    public static final String SLA_PENDING = "pending";

    static final int FR_OFFSET = 8;
    static final int RES_OFFSET = FR_OFFSET + TrendBuckets.COUNT;
    /**
     * Sums of record keys: of all cases, of each outcome (open, resolved, closed, withdrawn), of formal complaints,
     * of first responses on time and late. A layer value's cell key is the sum over the cases that have it.
     */
    static final int KEY_OFFSET = RES_OFFSET + TrendBuckets.COUNT;
    static final String[] KEY_COLUMNS = {"key_all", "key_open", "key_resolved", "key_closed", "key_withdrawn",
        "key_formal", "key_sla_met", "key_sla_missed"};
    /** Value columns of trend_rollup, in order (declared after the offsets it uses). */
    static final String[] VALUE_COLUMNS = valueColumns();

    private static String[] valueColumns() {
        String[] columns = new String[KEY_OFFSET + KEY_COLUMNS.length];
        String[] fixed = {"cases", "o_open", "o_resolved", "o_closed", "o_withdrawn", "formal", "sla_met", "sla_missed"};
        System.arraycopy(fixed, 0, columns, 0, fixed.length);
        for (int i = 0; i < TrendBuckets.COUNT; i++) {
            columns[FR_OFFSET + i] = String.format("fr_%02d", i);
            columns[RES_OFFSET + i] = String.format("res_%02d", i);
        }
        System.arraycopy(KEY_COLUMNS, 0, columns, KEY_OFFSET, KEY_COLUMNS.length);
        return columns;
    }

    boolean sameCell(CaseFacts other) {
        return month.equals(other.month) && topic.equals(other.topic) && setting.equals(other.setting)
                && regionCode.equals(other.regionCode) && ageBand.equals(other.ageBand)
                && provider.equals(other.provider);
    }

    /** The counts this case adds to its rollup row. */
    long[] contribution() {
        long[] v = new long[VALUE_COLUMNS.length];
        v[0] = 1;
        v[KEY_OFFSET] = recordKey;
        int o = switch (outcome) {
            case RESOLVED -> 2;
            case CLOSED -> 3;
            case WITHDRAWN -> 4;
            default -> 1;
        };
        v[o] = 1;
        v[KEY_OFFSET + o] = recordKey;
        if (formal) {
            v[5] = 1;
            v[KEY_OFFSET + 5] = recordKey;
        }
        if (SLA_MET.equals(sla)) {
            v[6] = 1;
            v[KEY_OFFSET + 6] = recordKey;
        } else if (SLA_MISSED.equals(sla)) {
            v[7] = 1;
            v[KEY_OFFSET + 7] = recordKey;
        }
        if (frBucket != null) {
            v[FR_OFFSET + frBucket] = 1;
        }
        if (resBucket != null) {
            v[RES_OFFSET + resBucket] = 1;
        }
        return v;
    }

    static long[] minus(long[] a, long[] b) {
        long[] d = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    static long[] negate(long[] a) {
        return minus(new long[a.length], a);
    }

    static boolean isZero(long[] a) {
        return Arrays.stream(a).allMatch(x -> x == 0);
    }

    /** The same facts with the given record key. */
    CaseFacts withRecordKey(long key) {
        return new CaseFacts(month, topic, setting, regionCode, ageBand, provider, outcome, formal, sla, frBucket,
                resBucket, key);
    }

    /** The formal flag as stored (an INTEGER column on both databases). */
    public int formalFlag() {
        return formal ? 1 : 0;
    }

    /** Same facts: nothing to change. */
    boolean sameAs(CaseFacts other) {
        return other != null && sameCell(other) && recordKey == other.recordKey && outcome.equals(other.outcome)
                && formal == other.formal
                && sla.equals(other.sla) && Objects.equals(frBucket, other.frBucket)
                && Objects.equals(resBucket, other.resBucket);
    }
}
