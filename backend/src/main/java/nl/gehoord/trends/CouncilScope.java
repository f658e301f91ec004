package nl.gehoord.trends;

import java.util.List;

/**
 * What one council account may see: {@code provider} (cases about that care provider's locations) or
 * {@code municipality} (cases from the regions of those municipalities).
 */
public record CouncilScope(String kind, List<String> values) {
    public static final String PROVIDER = "provider";
    public static final String MUNICIPALITY = "municipality";

    public CouncilScope {
        values = List.copyOf(values);
    }
}
