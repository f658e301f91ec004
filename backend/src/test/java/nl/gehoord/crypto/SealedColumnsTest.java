package nl.gehoord.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.gehoord.testing.SharedServer;
import nl.gehoord.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every column that holds sealed text (by convention its name ends in {@code _enc}) is known to the re-encrypt
 * pass. A feature that adds one without a line in SealedColumns would keep rows on an old key after "reencrypt"
 * said none were left, and retiring that key would make them unreadable.
 */
class SealedColumnsTest {
    @RegisterExtension
    static final SharedServer SHARED = new SharedServer();

    @Test
    void theReencryptPassKnowsEverySealedColumnInTheSchema() {
        TestServer server = SHARED.server();
        Set<String> inSchema = server.app().database().read(h -> {
            Set<String> found = new TreeSet<>();
            List<String> tables = h.createQuery("""
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    """).mapTo(String.class).list();
            for (String table : tables) {
                h.createQuery("SELECT name FROM pragma_table_info(:table)").bind("table", table)
                        .mapTo(String.class).list().stream().filter(c -> c.endsWith("_enc"))
                        .forEach(c -> found.add(table + "." + c));
            }
            return found;
        });
        Set<String> known = new TreeSet<>();
        SealedColumns.ALL.forEach(c -> known.add(c.table() + "." + c.column()));
        assertThat(known).isEqualTo(inSchema);
    }
}
