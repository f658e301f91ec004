package nl.gehoord.trends;

/**
 * One stored, published cell of a month: {@code dims} names its table's category dimensions in the fixed order
 * (topic, setting, region, ageBand; "" for the total), {@code cell} its values joined by U+001F. The counts are
 * perturbed; the duration histograms ({@code frHist}, {@code resHist}: comma-separated bucket counts, or null) are
 * exact and only ever published as a median and 90th percentile bucket of at least the minimum group size.
 */
public record PublishedCell(String dims, String month, String cell, long cases, long open, long resolved,
                            long closed, long withdrawn, long formal, long slaMet, long slaMissed, long slaPending,
                            String frHist, String resHist) {
    static final String SEPARATOR = "\u001f";
}
