package nl.gehoord.trends;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.gehoord.text.Language;

/**
 * An accessible SVG bar chart of case counts: a title and description, one labelled bar per group with its number
 * written next to it as "37 ± 2" (every count is perturbed), and a footnote that says so in words.
 */
public final class TrendsChart {
    public static final int MAX_BARS = 40;
    private static final int WIDTH = 900;
    private static final int LABEL_WIDTH = 360;
    private static final int BAR_AREA = 430;
    private static final int ROW = 26;
    private static final int TOP = 64;

    private final TrendLabels labels;

    public TrendsChart(TrendLabels labels) {
        this.labels = labels;
    }

    public String render(TrendsTable table, Language language, Map<String, String> regionNames) {
        List<TrendsTable.Cell> all = table.by().isEmpty() ? List.of(table.total()) : table.cells();
        List<TrendsTable.Cell> cells = all.stream().limit(MAX_BARS).toList();
        long max = Math.max(1, cells.stream().mapToLong(TrendsTable.Cell::cases).max().orElse(1));
        int deviation = table.perturbation().maxDeviation();
        String grouping = table.by().isEmpty() ? labels.text(language, "chart.all")
                : table.by().stream().map(d -> labels.text(language, "dim." + d)).collect(Collectors.joining(", "));
        String period = table.from().equals(table.to()) ? month(language, table.from())
                : month(language, table.from()) + " – " + month(language, table.to());
        String title = labels.text(language, "chart.title") + ", " + period;
        String desc = labels.text(language, "chart.desc", table.from(), table.to(), grouping, deviation)
                + (all.size() > cells.size() ? " " + labels.text(language, "chart.desc.more", cells.size(), all.size()) : "");
        int height = TOP + Math.max(1, cells.size()) * ROW + 56;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" lang=\"").append(language.tag())
                .append("\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"14\">\n");
        svg.append("<title id=\"chart-title\">").append(escape(title)).append("</title>\n");
        svg.append("<desc id=\"chart-desc\">").append(escape(desc)).append("</desc>\n");
        svg.append("""
                <rect width="100%" height="100%" fill="#ffffff"/>
                """);
        svg.append("<text x=\"16\" y=\"32\" font-size=\"20\" font-weight=\"bold\" fill=\"#111111\">")
                .append(escape(title)).append("</text>\n");
        if (cells.isEmpty()) {
            svg.append("<text x=\"16\" y=\"").append(TOP + 18).append("\" fill=\"#111111\">")
                    .append(escape(labels.text(language, "chart.empty"))).append("</text>\n");
        }
        int y = TOP;
        for (TrendsTable.Cell cell : cells) {
            String label = label(cell, table.by(), language, regionNames);
            svg.append("<g>");
            svg.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"end\" fill=\"#111111\">").append(escape(label)).append("</text>");
            long width = Math.round((double) BAR_AREA * cell.cases() / max);
            svg.append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(Math.max(1, width)).append("\" height=\"").append(ROW - 6).append("\" fill=\"#1f4e99\"/>");
            svg.append("<text x=\"").append(LABEL_WIDTH + Math.max(1, width) + 6).append("\" y=\"").append(y + 17)
                    .append("\" fill=\"#111111\">").append(cell.cases()).append(" \u00b1 ").append(deviation)
                    .append("</text>");
            svg.append("</g>\n");
            y += ROW;
        }
        svg.append("<text x=\"16\" y=\"").append(y + 30).append("\" fill=\"#111111\">")
                .append(escape(labels.text(language, "chart.perturbed", deviation))).append("</text>\n");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private String month(Language language, String month) {
        return labels.value(language, TrendDims.MONTH, month, Map.of());
    }

    private String label(TrendsTable.Cell cell, List<String> by, Language language, Map<String, String> regionNames) {
        if (by.isEmpty()) {
            return labels.text(language, "chart.total");
        }
        return by.stream().map(d -> labels.value(language, d, cell.key().get(d), regionNames))
                .collect(Collectors.joining(" · "));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
