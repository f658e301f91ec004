package nl.gehoord.trends;

/**
 * The duration histogram behind medians and 90th percentiles. A duration lands in the first bucket whose upper
 * bound (in hours) it does not exceed; the last bucket is open-ended. A percentile read from the histogram is
 * exact to the bucket: the true value lies between the bucket's bounds.
 */
public final class TrendBuckets {
    /** Upper bounds in hours: 1h, 2h, 4h, 8h, 12h, 1d, 1.5d, 2d, 3d, 4d, 5d, 1w, 10d, 2w, 3w, 4w, 6w, 8w, 12w, ~4m, ~6m, 1y. */
    static final long[] UPPER_HOURS = {1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 672, 1008, 1344,
        2016, 2880, 4320, 8760};
    public static final int COUNT = UPPER_HOURS.length + 1;
    private static final long HOUR_MILLIS = 3_600_000L;

    private TrendBuckets() {
    }

    public static int bucketOf(long durationMillis) {
        long millis = Math.max(0, durationMillis);
        for (int i = 0; i < UPPER_HOURS.length; i++) {
            if (millis <= UPPER_HOURS[i] * HOUR_MILLIS) {
                return i;
            }
        }
        return UPPER_HOURS.length;
    }

    public static long lowerHours(int bucket) {
        return bucket == 0 ? 0 : UPPER_HOURS[bucket - 1];
    }

    /** Null for the open-ended last bucket. */
    public static Long upperHours(int bucket) {
        return bucket < UPPER_HOURS.length ? UPPER_HOURS[bucket] : null;
    }

    /** The bucket holding the p-th percentile (0 < p <= 1) of a histogram, or -1 when it is empty. */
    public static int percentileBucket(long[] histogram, double p) {
        long n = 0;
        for (long c : histogram) {
            n += c;
        }
        if (n == 0) {
            return -1;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i < histogram.length; i++) {
            seen += histogram[i];
            if (seen >= rank) {
                return i;
            }
        }
        return histogram.length - 1;
    }
}
