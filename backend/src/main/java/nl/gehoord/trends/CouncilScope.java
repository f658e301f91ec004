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

    /**
     * The key its published months are stored under: the same kind and values (in any order) give the same key,
     * so two councils with the same scope see the same numbers.
     */
    public String key() {
        String text = kind + "\u0001" + String.join("\u0000", new java.util.TreeSet<>(values));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
