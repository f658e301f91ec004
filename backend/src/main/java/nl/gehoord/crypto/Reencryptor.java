package nl.gehoord.crypto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.gehoord.db.Database;
import nl.gehoord.db.KeyedUpgradeDao;
import org.jdbi.v3.core.Handle;

/**
 * Moves every sealed value that was made with an older key to the active key: open with the old key, seal with
 * the active one, write back only if the value is still the one read (so a concurrent change wins). Walks each
 * table once in primary-key order, in small transactions, and reports how many values are still on an old key
 * afterwards; when that is zero, older keys are no longer needed to read the data.
 */
public final class Reencryptor {
    static final int BATCH = 200;
    static final String ROWS_BOUND = "sealed_rows_bound";

    /** Counts per run: values moved to the active key, and values still on an older key afterwards. */
    public record Report(String activeKeyId, long moved, long remaining) {
    }

    private final Database db;
    private final FieldCipher cipher;
    private final List<SealedColumns> columns;

    public Reencryptor(Database db, FieldCipher cipher, List<SealedColumns> columns) {
        this.db = db;
        this.cipher = cipher;
        this.columns = List.copyOf(columns);
    }

    public Report run() {
        long moved = 0;
        for (SealedColumns column : columns) {
            moved += reencrypt(column, "NOT LIKE", activePrefix(), false);
        }
        long remaining = 0;
        for (SealedColumns column : columns) {
            remaining += db.read(h -> h.attach(SealedColumnDao.class)
                    .countOnOlderKeys(column.table(), column.column(), activePrefix()));
        }
        return new Report(cipher.activeKeyId(), moved, remaining);
    }

    private String activePrefix() {
        return "v2." + cipher.activeKeyId() + ".%";
    }

    /**
     * Re-seals every value in the previous format (v1): padded now, and in row-bound columns bound to its row. Only
     * the start-up upgrade calls this, once: afterwards a v1 value in a row-bound column is refused.
     */
    long upgradeUnbound() {
        long moved = 0;
        for (SealedColumns column : columns) {
            moved += reencrypt(column, "LIKE", "v1.%", true);
        }
        return moved;
    }

    /**
     * The start-up upgrade: re-seals the values sealed in the previous format (unpadded, not bound to their row),
     * once. Each batch commits on its own
     * and a crash is picked up where it stopped (what is bound is no longer v1); only when none is left is it
     * marked done, and from then on an unbound value in such a column is refused, never re-bound.
     */
    public static long upgradeSealedOnce(Database db, FieldCipher cipher, java.time.Clock clock) {
        if (db.read(h -> h.attach(KeyedUpgradeDao.class).done(ROWS_BOUND))) {
            return 0;
        }
        long moved = new Reencryptor(db, cipher, SealedColumns.ALL).upgradeUnbound();
        db.writeVoid(h -> h.attach(KeyedUpgradeDao.class).markDone(ROWS_BOUND, clock.millis()));
        return moved;
    }

    /** {@code match} is {@code LIKE} or {@code NOT LIKE}: the values whose prefix does or does not match. */
    private long reencrypt(SealedColumns c, String match, String pattern, boolean fromUnbound) {
        long moved = 0;
        List<Object> after = null;
        while (true) {
            List<Object> cursor = after;
            List<Map<String, Object>> rows = db.read(h -> page(h, c, cursor, match, pattern));
            if (rows.isEmpty()) {
                return moved;
            }
            moved += db.write(h -> {
                int done = 0;
                for (Map<String, Object> row : rows) {
                    String old = (String) row.get(c.column());
                    String owner = String.valueOf(row.get(c.ownerColumn()));
                    String[] binding = c.rowValues(row);
                    String plain = fromUnbound ? cipher.open(old, owner, c.field())
                            : cipher.open(old, owner, c.field(), binding);
                    String fresh = cipher.seal(plain, owner, c.field(), binding);
                    done += update(h, c, row, old, fresh);
                }
                return done;
            });
            Map<String, Object> last = rows.get(rows.size() - 1);
            after = c.keyColumns().stream().map(last::get).collect(Collectors.toList());
            if (rows.size() < BATCH) {
                return moved;
            }
        }
    }

    private List<Map<String, Object>> page(Handle h, SealedColumns c, List<Object> after, String match,
                                           String pattern) {
        LinkedHashSet<String> wanted = new LinkedHashSet<>(c.keyColumns());
        wanted.add(c.ownerColumn());
        wanted.add(c.column());
        wanted.addAll(c.rowColumns());
        Map<String, Object> values = new HashMap<>();
        values.put("prefix", pattern);
        values.put("limit", BATCH);
        String afterKeys = "";
        if (after != null) {
            List<String> marks = new ArrayList<>();
            for (int i = 0; i < c.keyColumns().size(); i++) {
                marks.add(":after" + i);
                values.put("after" + i, after.get(i));
            }
            afterKeys = "AND (" + String.join(", ", c.keyColumns()) + ") > (" + String.join(", ", marks) + ")";
        }
        // Column names come back lower case from both databases.
        return h.attach(SealedColumnDao.class).page(c.table(), c.column(), match, String.join(", ", wanted),
                String.join(", ", c.keyColumns()), afterKeys, values);
    }

    private int update(Handle h, SealedColumns c, Map<String, Object> row, String old, String fresh) {
        Map<String, Object> values = new HashMap<>();
        values.put("fresh", fresh);
        values.put("old", old);
        values.put("keyId", cipher.activeKeyId());
        StringBuilder sameRow = new StringBuilder();
        for (String key : c.keyColumns()) {
            sameRow.append(" AND ").append(key).append(" = :k_").append(key);
            values.put("k_" + key, row.get(key));
        }
        String keyIdSet = c.keyIdColumn() == null ? "" : ", " + c.keyIdColumn() + " = :keyId";
        return h.attach(SealedColumnDao.class).replace(c.table(), c.column(), keyIdSet, sameRow.toString(), values);
    }
}
