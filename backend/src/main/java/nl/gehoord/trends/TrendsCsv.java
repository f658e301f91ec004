package nl.gehoord.trends;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV of a trends answer: a header row, one row per cell, then the total. Every row says that its counts
 * are perturbed and by how much at most ({@code max_deviation}), and whether its layer values are final.
 */
public final class TrendsCsv {
    private static final List<String> MEASURES = List.of("cases", "open", "resolved", "closed", "withdrawn",
            "formal_complaint", "sla_met", "sla_missed", "sla_pending", "sla_met_share",
            "first_response_median_hours", "first_response_p90_hours", "resolution_median_hours",
            "resolution_p90_hours", "perturbation", "max_deviation", "final");

    private TrendsCsv() {
    }

    /** Signal counts: a row per theme (and month), then the total; each row says it is perturbed and how much. */
    public static String render(SignalTrendsTable table) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(table.by());
        header.add(SignalTrends.THEME);
        header.addAll(List.of("signals", "perturbation", "max_deviation"));
        line(out, header);
        for (SignalTrendsTable.Cell cell : table.cells()) {
            List<String> row = new ArrayList<>();
            for (String d : table.by()) {
                row.add(cell.key().get(d));
            }
            row.add(cell.key().get(SignalTrends.THEME));
            signalMeasures(row, cell, table.perturbation());
            line(out, row);
        }
        List<String> row = new ArrayList<>();
        for (int i = 0; i < table.by().size(); i++) {
            row.add(i == 0 ? "total" : "");
        }
        row.add(table.by().isEmpty() ? "total" : "");
        signalMeasures(row, table.total(), table.perturbation());
        line(out, row);
        return out.toString();
    }

    private static void signalMeasures(List<String> row, SignalTrendsTable.Cell cell, TrendsTable.Perturbation p) {
        row.add(Long.toString(cell.signals()));
        row.add(p.method());
        row.add(Integer.toString(p.maxDeviation()));
    }

    public static String render(TrendsTable table) {
        StringBuilder out = new StringBuilder();
        List<String> header = new ArrayList<>(table.by());
        if (header.isEmpty()) {
            header.add("group");
        }
        header.addAll(MEASURES);
        line(out, header);
        for (TrendsTable.Cell cell : table.cells()) {
            List<String> row = new ArrayList<>();
            for (String d : table.by()) {
                row.add(cell.key().get(d));
            }
            if (table.by().isEmpty()) {
                row.add("total");
            }
            addMeasures(row, cell, table.perturbation());
            line(out, row);
        }
        if (!table.by().isEmpty()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < table.by().size(); i++) {
                row.add("total");
            }
            addMeasures(row, table.total(), table.perturbation());
            line(out, row);
        }
        return out.toString();
    }

    private static void addMeasures(List<String> row, TrendsTable.Cell cell, TrendsTable.Perturbation perturbation) {
        row.add(number(cell.cases()));
        TrendsTable.Outcomes o = cell.outcomes();
        row.add(number(o.open()));
        row.add(number(o.resolved()));
        row.add(number(o.closed()));
        row.add(number(o.withdrawn()));
        row.add(number(o.formalComplaint()));
        TrendsTable.Sla s = cell.sla();
        row.add(number(s.met()));
        row.add(number(s.missed()));
        row.add(number(s.pending()));
        row.add(s.metShare() == null ? "" : s.metShare().toString());
        duration(row, cell.firstResponse());
        duration(row, cell.resolution());
        row.add(perturbation.method());
        row.add(Integer.toString(perturbation.maxDeviation()));
        row.add(Boolean.toString(cell.layersFinal()));
    }

    private static void duration(List<String> row, TrendsTable.Duration d) {
        row.add(d == null ? "" : range(d.median()));
        row.add(d == null ? "" : range(d.p90()));
    }

    private static String range(TrendsTable.Range r) {
        return r.toHours() == null ? "more than " + r.fromHours() : r.fromHours() + " to " + r.toHours();
    }

    private static String number(long n) {
        return Long.toString(n);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
