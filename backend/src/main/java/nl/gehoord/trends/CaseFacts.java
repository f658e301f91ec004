package nl.gehoord.trends;

import java.util.Arrays;
import java.util.Objects;

/**
 * One case's contribution to the rollup: coded facts only. {@code provider} is the care provider the case is
 * about ("" when none), kept here because erasure clears the location on the case itself.
 */
public record CaseFacts(String month, String topic, String setting, String regionCode, String ageBand,
                        String provider, String outcome, boolean formal, String sla, Integer frBucket,
                        Integer resBucket) {
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
    public static final String CLOSED = "closed";
    public static final String WITHDRAWN = "withdrawn";
    public static final String SLA_MET = "met";
    public static final String SLA_MISSED = "missed";
    public static final String SLA_PENDING = "pending";

    static final int FR_OFFSET = 8;
    static final int RES_OFFSET = FR_OFFSET + TrendBuckets.COUNT;
    /** Value columns of trend_rollup, in order (declared after the offsets it uses). */
    static final String[] VALUE_COLUMNS = valueColumns();

    private static String[] valueColumns() {
        String[] columns = new String[8 + 2 * TrendBuckets.COUNT];
        String[] fixed = {"cases", "o_open", "o_resolved", "o_closed", "o_withdrawn", "formal", "sla_met", "sla_missed"};
        System.arraycopy(fixed, 0, columns, 0, fixed.length);
        for (int i = 0; i < TrendBuckets.COUNT; i++) {
            columns[FR_OFFSET + i] = String.format("fr_%02d", i);
            columns[RES_OFFSET + i] = String.format("res_%02d", i);
        }
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
        switch (outcome) {
            case RESOLVED -> v[2] = 1;
            case CLOSED -> v[3] = 1;
            case WITHDRAWN -> v[4] = 1;
            default -> v[1] = 1;
        }
        v[5] = formal ? 1 : 0;
        v[6] = SLA_MET.equals(sla) ? 1 : 0;
        v[7] = SLA_MISSED.equals(sla) ? 1 : 0;
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

    /** Same facts: nothing to change. */
    boolean sameAs(CaseFacts other) {
        return other != null && sameCell(other) && outcome.equals(other.outcome) && formal == other.formal
                && sla.equals(other.sla) && Objects.equals(frBucket, other.frBucket)
                && Objects.equals(resBucket, other.resBucket);
    }
}
