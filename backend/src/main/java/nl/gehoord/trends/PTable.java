package nl.gehoord.trends;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The perturbation table of the cell-key method: maps a cell's true count and its cell key (the sum of its cases'
 * record keys, modulo 2^32) to the published count. The same cell always gives the same number. Read from
 * {@code /trends/ptable.txt}, where its rows and parameters are written out; docs/trends.md explains it.
 */
public final class PTable {
    static final long KEY_SPACE = 1L << 32;
    private static final String RESOURCE = "/trends/ptable.txt";
    private static final String YEAR_RESOURCE = "/trends/ptable_year.txt";

    /** One row: the published counts in ascending order, each with the upper end of its share of the key space. */
    private record Row(long[] published, long[] upperKey) {
    }

    private final int maxDeviation;
    private final double variance;
    private final int smallest;
    private final Row[] rows;

    private PTable(int maxDeviation, double variance, int smallest, Row[] rows) {
        this.maxDeviation = maxDeviation;
        this.variance = variance;
        this.smallest = smallest;
        this.rows = rows;
    }

    /** The table the trends publish months with. */
    public static PTable standard() {
        return read(RESOURCE);
    }

    /** The table the trends publish rolling years with (wider noise within the same promises). */
    public static PTable year() {
        return read(YEAR_RESOURCE);
    }

    private static PTable read(String resource) {
        try (InputStream in = PTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static PTable parse(List<String> lines) {
        int maxDeviation = -1;
        double variance = -1;
        int smallest = -1;
        TreeMap<Integer, TreeMap<Integer, Double>> rows = new TreeMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("=", 2);
            switch (kv[0]) {
                case "maxDeviation" -> maxDeviation = Integer.parseInt(kv[1]);
                case "variance" -> variance = Double.parseDouble(kv[1]);
                case "smallest" -> smallest = Integer.parseInt(kv[1]);
                case "row" -> {
                    String[] f = kv[1].split(",");
                    rows.computeIfAbsent(Integer.parseInt(f[0].strip()), r -> new TreeMap<>())
                            .put(Integer.parseInt(f[1].strip()), Double.parseDouble(f[2].strip()));
                }
                default -> throw new IllegalStateException("ptable: unknown line " + kv[0]);
            }
        }
        Row[] built = new Row[rows.size()];
        for (int i = 0; i < built.length; i++) {
            TreeMap<Integer, Double> row = rows.get(i);
            if (row == null) {
                throw new IllegalStateException("ptable: no row " + i);
            }
            built[i] = build(i, row, maxDeviation, smallest);
        }
        if (built.length == 0 || built[0].published().length != 1 || built[0].published()[0] != 0) {
            throw new IllegalStateException("ptable: 0 must stay 0");
        }
        PTable table = new PTable(maxDeviation, variance, smallest, built);
        double last = table.deviationVariance(built.length - 1);
        if (Math.abs(last - variance) > 0.01) {
            throw new IllegalStateException("ptable: the last row's variance is " + last + ", not " + variance);
        }
        return table;
    }

    private static Row build(int count, TreeMap<Integer, Double> row, int maxDeviation, int smallest) {
        double total = row.values().stream().mapToDouble(Double::doubleValue).sum();
        if (Math.abs(total - 1) > 1e-3) {
            throw new IllegalStateException("ptable: row " + count + " adds up to " + total);
        }
        long[] published = new long[row.size()];
        long[] upper = new long[row.size()];
        double cumulative = 0;
        int i = 0;
        for (var entry : row.entrySet()) {
            int j = entry.getKey();
            if (Math.abs(j - count) > maxDeviation || (j > 0 && j < smallest)) {
                throw new IllegalStateException("ptable: row " + count + " may not publish " + j);
            }
            cumulative += entry.getValue() / total;
            published[i] = j;
            upper[i] = i == row.size() - 1 ? KEY_SPACE : Math.round(cumulative * KEY_SPACE);
            i++;
        }
        return new Row(published, upper);
    }

    /** The published count of a cell with {@code count} cases whose record keys add up to {@code keySum}. */
    public long publish(long count, long keySum) {
        if (count <= 0) {
            return 0;
        }
        long key = Math.floorMod(keySum, KEY_SPACE);
        int r = (int) Math.min(count, rows.length - 1);
        Row row = rows[r];
        long shift = count - r;
        for (int i = 0; i < row.published().length; i++) {
            if (key < row.upperKey()[i]) {
                return row.published()[i] + shift;
            }
        }
        return row.published()[row.published().length - 1] + shift;
    }

    /** The probability that a true count is published as {@code published}: for attackers in the tests. */
    public double probability(long count, long published) {
        int r = (int) Math.min(Math.max(count, 0), rows.length - 1);
        long shift = Math.max(count, 0) - r;
        Row row = rows[r];
        long lower = 0;
        for (int i = 0; i < row.published().length; i++) {
            if (row.published()[i] + shift == published) {
                return (double) (row.upperKey()[i] - lower) / KEY_SPACE;
            }
            lower = row.upperKey()[i];
        }
        return 0;
    }

    /** The published counts a true count can become. */
    public List<Long> outcomes(long count) {
        int r = (int) Math.min(Math.max(count, 0), rows.length - 1);
        long shift = Math.max(count, 0) - r;
        List<Long> out = new ArrayList<>();
        for (long p : rows[r].published()) {
            out.add(p + shift);
        }
        return out;
    }

    /** E[(published - true)^2] for a true count (the variance around the true count, bias included). */
    double deviationVariance(long count) {
        double sum = 0;
        for (long p : outcomes(count)) {
            sum += probability(count, p) * (p - count) * (p - count);
        }
        return sum;
    }

    public int maxDeviation() {
        return maxDeviation;
    }

    public double variance() {
        return variance;
    }

    /** The smallest count other than 0 that is ever published. */
    public int smallest() {
        return smallest;
    }
}
