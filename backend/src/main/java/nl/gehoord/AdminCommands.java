package nl.gehoord;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.gehoord.audit.AuditLog;
import nl.gehoord.config.Settings;
import nl.gehoord.config.SettingsLoader;
import nl.gehoord.crypto.KeyRing;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.organisations.PlacesDao;
import nl.gehoord.staff.Passwords;
import nl.gehoord.staff.StaffDao;

/** The operator's commands for the first admin and the audit log. Exit codes: 0 fine, 1 failed, 2 bad usage. */
final class AdminCommands {
    private AdminCommands() {
    }

    static int createAdmin(List<String> args) {
        String email = option(args, "--email");
        String organisation = option(args, "--organisation");
        String name = option(args, "--name");
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            System.err.println("Usage: create-admin --email <email> [--organisation <id>] [--name <name>]");
            return 2;
        }
        String password = readPassword();
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            System.err.println("The password needs at least " + Passwords.MIN_LENGTH + " characters.");
            return 2;
        }
        Settings settings = SettingsLoader.fromEnvironment();
        try (Database db = Database.open(settings.databaseUrl())) {
            db.migrate();
            AuditLog audit = auditLog(settings, db, Clock.systemUTC());
            return createAdmin(db, audit, Clock.systemUTC(), new SecureRandom(), email, organisation, name, password);
        }
    }

    /** The keyed audit log, with the entries from before it was keyed given their MACs first. */
    private static AuditLog auditLog(Settings settings, Database db, Clock clock) {
        AuditLog audit = new AuditLog(clock, KeyRing.loadOrCreate(settings.keyFile(), new SecureRandom()));
        audit.keyExistingEntries(db);
        return audit;
    }

    /** Creates the organisation when it is new. Returns the exit code. */
    static int createAdmin(Database db, AuditLog audit, Clock clock, SecureRandom random, String email,
                           String organisation, String name, String password) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        String organisationId = organisation == null ? "gehoord" : organisation;
        String hash = Passwords.hash(password);
        String id = new Tokens(random).id();
        return db.write(h -> {
            StaffDao staff = h.attach(StaffDao.class);
            if (staff.byEmail(normalised).isPresent()) {
                System.err.println("An account with this email exists already.");
                return 1;
            }
            PlacesDao places = h.attach(PlacesDao.class);
            long now = clock.millis();
            if (places.organisation(organisationId).isEmpty()) {
                places.insertOrganisation(new PlacesDao.Organisation(organisationId, organisationId, now));
            }
            staff.insert(new StaffDao.StaffRow(id, organisationId, normalised, name == null ? "Beheer" : name, "admin",
                    hash, true, true, now));
            audit.append(h, AuditLog.Who.SYSTEM, "admin.staff.create", null, id);
            System.out.println("Admin account created: " + id);
            return 0;
        });
    }

    /**
     * Walks the keyed chain and prints its head ({@code <seq>:<mac>}). With {@code --expect-head} a head printed
     * earlier (and kept outside the server) must still be in the log unchanged: that shows a rewritten or cut-off
     * log even to someone who had the key file.
     */
    static int verifyAudit(List<String> args) {
        String expect = option(args, "--expect-head");
        if (args.contains("--expect-head") && (expect == null || !expect.matches("[0-9]{1,18}:[0-9a-f]{64}"))) {
            System.err.println("Usage: verify-audit [--expect-head <seq>:<64 hex digits>]");
            return 2;
        }
        Settings settings = SettingsLoader.fromEnvironment();
        if (!java.nio.file.Files.exists(settings.keyFile())) {
            System.err.println("The key file " + settings.keyFile() + " does not exist; the audit chain is keyed "
                    + "with it. Set GEHOORD_KEY_FILE to the server's key file.");
            return 2;
        }
        try (Database db = Database.open(settings.databaseUrl())) {
            db.migrate();
            AuditLog.Verification result = auditLog(settings, db, Clock.systemUTC()).verify(db, expect);
            if (result.intact()) {
                System.out.println("Audit log intact: " + result.entries() + " entries"
                        + (expect == null ? "." : ", including the expected head."));
                System.out.println("Head: " + result.head());
                System.out.println("Keep this head outside the server; check later with verify-audit --expect-head "
                        + result.head());
                return 0;
            }
            System.out.println("Audit log BROKEN at entry " + result.firstBrokenSeq() + " (after "
                    + result.entries() + " good entries)" + (expect == null ? "." : " or the expected head is "
                    + "not in it unchanged."));
            return 1;
        }
    }

    private static String readPassword() {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                System.err.println("The passwords differ.");
                return null;
            }
            return new String(first);
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static String option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }
}
