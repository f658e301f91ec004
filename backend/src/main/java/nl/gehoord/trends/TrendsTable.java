package nl.gehoord.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** An answer to a trends query. A suppressed number is null, and the cell or field says so. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrendsTable(String from, String to, List<String> by, int minimumCellSize, CouncilScope scope,
                          List<Cell> cells, Cell total) {

    /**
     * @param key        the cell's value for each asked dimension
     * @param suppressed true when the cell's count (and so everything about it) is hidden
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cell(Map<String, String> key, boolean suppressed, Long cases, Outcomes outcomes, Sla sla,
                       Duration firstResponse, Duration resolution) {
    }

    /** Counts by outcome; formalComplaint counts cases that reached the complaints committee at any time. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Outcomes(Long open, Long resolved, Long closed, Long withdrawn, Long formalComplaint) {
    }

    /** First response on time or late; pending means not answered and not yet due. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sla(Long met, Long missed, Long pending, Double metShare) {
    }

    /** Median and 90th percentile, each as the histogram bucket it falls in (hours; toHours null = open-ended). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Duration(Range median, Range p90) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Range(long fromHours, Long toHours) {
    }
}
