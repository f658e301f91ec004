package nl.gehoord.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An answer to a trends query. Every count is perturbed with the cell-key method (off by at most
 * {@code perturbation.maxDeviation}, never 1 or 2); {@code perturbation} says so in numbers and in words.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrendsTable(String from, String to, List<String> by, int minimumCellSize, CouncilScope scope,
                          Perturbation perturbation, List<Cell> cells, Cell total) {

    /** The same table with the explanation in the caller's language. */
    public TrendsTable explained(String explanation) {
        return new TrendsTable(from, to, by, minimumCellSize, scope, perturbation.explained(explanation), cells,
                total);
    }

    /**
     * How every count in the table was changed: each published part (a month or a year) by at most
     * {@code maxDeviation}, with a variance of at most {@code variance} (the largest of {@code tables}, the
     * perturbation tables the answer's numbers came from); counts in {@code neverPublished} never appear; layer values
     * are final {@code layersFinalAfterMonths} months after their month ended.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Perturbation(String method, int maxDeviation, double variance, List<Integer> neverPublished,
                               int layersFinalAfterMonths, List<Table> tables, String explanation) {
        Perturbation explained(String text) {
            return new Perturbation(method, maxDeviation, variance, neverPublished, layersFinalAfterMonths, tables,
                    text);
        }
    }

    /**
     * One perturbation table behind the answer: {@code span} "month" for counts of cases of one month, "year" for
     * counts of cases from several months of a rolling year.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Table(String span, int maxDeviation, double variance) {
    }

    /**
     * @param key        the cell's value for each asked dimension
     * @param cases      the perturbed number of cases
     * @param layersFinal false while a month of the cell is less than the final age: its outcome, complaint and
     *                   first-response numbers and durations are those of the month's first publication and will be
     *                   computed once more, for good
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cell(Map<String, String> key, long cases, @JsonProperty("final") boolean layersFinal,
                       Outcomes outcomes, Sla sla, Duration firstResponse, Duration resolution) {
    }

    /** Perturbed counts by outcome; formalComplaint counts cases that reached the complaints committee at any time. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Outcomes(long open, long resolved, long closed, long withdrawn, long formalComplaint) {
    }

    /** Perturbed first responses on time or late; pending means not answered and not yet due. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sla(long met, long missed, long pending, Double metShare) {
    }

    /** Median and 90th percentile, each as the histogram bucket it falls in (hours; toHours null = open-ended). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Duration(Range median, Range p90) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Range(long fromHours, Long toHours) {
    }
}
