package nl.gehoord.trends;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * Signal counts of a council's scope per theme (and month): every count perturbed by the cell-key method, frozen
 * per month, never 1 or 2; {@code total} is the sum of the published cells. No signal's text, id, location or date.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SignalTrendsTable(String from, String to, List<String> by, CouncilScope scope,
                                TrendsTable.Perturbation perturbation, List<Cell> cells, Cell total) {

    /** The same table with the explanation in the caller's language. */
    public SignalTrendsTable explained(String explanation) {
        return new SignalTrendsTable(from, to, by, scope, perturbation.explained(explanation), cells, total);
    }

    /** @param key the cell's theme (and month); {@code signals} the perturbed number of signals */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Cell(Map<String, String> key, long signals) {
    }
}
