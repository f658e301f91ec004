package nl.gehoord.crypto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.gehoord.db.Database;
import org.jdbi.v3.core.Handle;

/**
 * Moves every sealed value that was made with an older key to the active key: open with the old key, seal with
 * the active one, write back only if the value is still the one read (so a concurrent change wins). Walks each
 * table once in primary-key order, in small transactions, and reports how many values are still on an old key
 * afterwards; when that is zero, older keys are no longer needed to read the data.
 */
public final class Reencryptor {
    static final int BATCH = 200;

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
            moved += reencrypt(column);
        }
        long remaining = 0;
        for (SealedColumns column : columns) {
            remaining += db.read(h -> h.attach(SealedColumnDao.class)
                    .countOnOlderKeys(column.table(), column.column(), activePrefix()));
        }
        return new Report(cipher.activeKeyId(), moved, remaining);
    }

    private String activePrefix() {
        return "v1." + cipher.activeKeyId() + ".%";
    }

    private long reencrypt(SealedColumns c) {
        long moved = 0;
        List<Object> after = null;
        while (true) {
            List<Object> cursor = after;
            List<Map<String, Object>> rows = db.read(h -> page(h, c, cursor));
            if (rows.isEmpty()) {
                return moved;
            }
            moved += db.write(h -> {
                int done = 0;
                for (Map<String, Object> row : rows) {
                    String old = (String) row.get(c.column());
                    String owner = String.valueOf(row.get(c.ownerColumn()));
                    String fresh = cipher.seal(cipher.open(old, owner, c.field()), owner, c.field());
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

    private List<Map<String, Object>> page(Handle h, SealedColumns c, List<Object> after) {
        java.util.LinkedHashSet<String> wanted = new java.util.LinkedHashSet<>(c.keyColumns());
        wanted.add(c.ownerColumn());
        wanted.add(c.column());
        Map<String, Object> values = new HashMap<>();
        values.put("prefix", activePrefix());
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
        return h.attach(SealedColumnDao.class).olderKeyPage(c.table(), c.column(), String.join(", ", wanted),
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
