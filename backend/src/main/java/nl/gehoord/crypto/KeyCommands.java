package nl.gehoord.crypto;

import java.io.PrintStream;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import nl.gehoord.config.Settings;
import nl.gehoord.db.Database;

/**
 * {@code rotate-key}: adds a new field key to the key file and makes it the one new writes use (a running server
 * re-reads the replaced file); older keys stay, so older rows stay readable. {@code reencrypt}: moves every sealed value to the
 * active key. Returns the exit code: 0 done, 2 bad setup, 1 failed.
 */
public final class KeyCommands {
    private KeyCommands() {
    }

    public static int run(List<String> arguments, Settings settings, PrintStream out, PrintStream err) {
        if (!Files.exists(settings.keyFile())) {
            err.println("The key file " + settings.keyFile() + " does not exist. Set GEHOORD_KEY_FILE to the server's "
                    + "key file; a new one would not open the existing data.");
            return 2;
        }
        SecureRandom random = new SecureRandom();
        if (arguments.get(0).equals("rotate-key")) {
            String id = KeyRing.rotate(settings.keyFile(), random);
            out.println("New key " + id + " added to " + settings.keyFile() + " and made active.");
            out.println("A running server uses it for its next write. Run 'reencrypt' to move older rows to it.");
            return 0;
        }
        KeyRing keys = KeyRing.loadOrCreate(settings.keyFile(), random);
        try (Database db = Database.open(settings.databaseUrl())) {
            db.migrate();
            FieldCipher cipher = new FieldCipher(keys, random);
            Reencryptor.upgradeSealedOnce(db, cipher, java.time.Clock.systemUTC());
            Reencryptor.Report report = new Reencryptor(db, cipher, SealedColumns.ALL).run();
            out.println("Moved " + report.moved() + " sealed values to key " + report.activeKeyId() + "; "
                    + report.remaining() + " still on an older key.");
            return report.remaining() == 0 ? 0 : 1;
        } catch (IllegalStateException e) {
            err.println("Re-encryption stopped: " + e.getMessage());
            return 1;
        }
    }
}
