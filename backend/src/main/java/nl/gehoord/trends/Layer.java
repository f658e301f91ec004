package nl.gehoord.trends;

/**
 * A breakdown of a cell's cases that is published next to the count: outcomes, formal complaints, SLA. Each layer's
 * values add up to the cell's count, so the disclosure control protects them like one more dimension.
 */
enum Layer {
    OUTCOME("open", "resolved", "closed", "withdrawn"),
    FORMAL("yes", "no"),
    SLA("met", "missed", "pending");

    private final String[] values;

    Layer(String... values) {
        this.values = values;
    }

    int size() {
        return values.length;
    }

    String value(int index) {
        return values[index];
    }

    /** The count of cases with value {@code index} in this layer, from a rollup value vector. */
    long count(long[] v, int index) {
        return switch (this) {
            case OUTCOME -> v[1 + index];
            case FORMAL -> index == 0 ? v[5] : v[0] - v[5];
            case SLA -> index == 0 ? v[6] : index == 1 ? v[7] : v[0] - v[6] - v[7];
        };
    }

    /** The fixed value a protecting change pairs a small value with (the layer's catch-all value). */
    int partner(int index) {
        return switch (this) {
            case OUTCOME -> index == 0 ? 1 : 0;
            case FORMAL -> 1 - index;
            case SLA -> index == 2 ? 0 : 2;
        };
    }
}
