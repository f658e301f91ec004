package nl.gehoord;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import nl.gehoord.backup.BackupCommands;
import nl.gehoord.config.ConfigException;
import nl.gehoord.config.Settings;
import nl.gehoord.config.SettingsLoader;
import nl.gehoord.crypto.KeyCommands;
import nl.gehoord.crypto.Tokens;
import nl.gehoord.db.Database;
import nl.gehoord.db.DatabaseCopy;
import nl.gehoord.demo.DemoData;

/**
 * The command line: {@code serve [--demo]} runs the server; {@code create-admin} and {@code verify-audit}
 * are in {@link AdminCommands}. Exit codes: 0 fine, 2 bad usage or settings,
 * 1 anything else.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        String command = arguments.isEmpty() ? "help" : arguments.get(0);
        try {
            switch (command) {
                case "serve" -> serve(arguments.contains("--demo"), arguments.contains("--exit-when-started"));
                case "backup", "restore" -> exit(BackupCommands.run(arguments, SettingsLoader.fromEnvironment(),
                        System.out, System.err));
                case "rotate-key", "reencrypt" -> exit(KeyCommands.run(arguments, SettingsLoader.fromEnvironment(),
                        System.out, System.err));
                case "create-admin" -> System.exit(AdminCommands.createAdmin(arguments.subList(1, arguments.size())));
                case "verify-audit" -> System.exit(AdminCommands.verifyAudit(arguments.subList(1, arguments.size())));
                case "migrate" -> System.exit(migrate(arguments));
                case "help", "--help", "-h" -> usage(0);
                default -> {
                    System.err.println("Unknown command: " + command);
                    usage(2);
                }
            }
        } catch (ConfigException e) {
            System.err.println("Gehoord cannot start: " + e.getMessage());
            System.exit(2);
        } catch (nl.gehoord.crypto.KeyFileException e) {
            System.err.println("Gehoord cannot start: " + e.getMessage() + " (GEHOORD_KEY_FILE)");
            System.exit(2);
        }
    }

    /** Copies one database into a new, empty one; sealed text stays sealed, so keep the same key file. */
    static int migrate(List<String> arguments) {
        int from = arguments.indexOf("--from");
        int to = arguments.indexOf("--to");
        if (from < 0 || to < 0 || from + 1 >= arguments.size() || to + 1 >= arguments.size()) {
            System.err.println("Usage: migrate --from <jdbc url> --to <jdbc url>");
            return 2;
        }
        try (Database source = Database.open(arguments.get(from + 1));
             Database target = Database.open(arguments.get(to + 1))) {
            List<DatabaseCopy.TableResult> tables = DatabaseCopy.copy(source, target);
            long rows = 0;
            for (DatabaseCopy.TableResult t : tables) {
                System.out.printf("%-28s %10d rows  checksum %s%n", t.table(), t.rows(), t.checksum().substring(0, 16));
                rows += t.rows();
            }
            System.out.println("Copied " + rows + " rows in " + tables.size() + " tables; every table verified.");
            return 0;
        } catch (DatabaseCopy.CopyException e) {
            System.err.println("Not copied: " + e.getMessage());
            return 1;
        }
    }

    private static void exit(int code) {
        if (code != 0) {
            System.exit(code);
        }
    }

    private static void usage(int exitCode) {
        System.out.println("""
                Usage: java -jar gehoord.jar <command>

                Commands:
                  serve           run the server
                  serve --demo    seed the demo data first (safe to repeat), then run the server
                  serve --exit-when-started
                                  start as serve does, then stop at once: checks the settings and is
                                  the training run for a class-data archive (docs/operations.md)
                  backup --to FILE     consistent copy of the running SQLite database
                  restore --from FILE  put a backup back (stop the server first)
                  rotate-key      add a new encryption key; a running server uses it for new writes
                  reencrypt       move all stored text to the newest key
                  create-admin --email <email> [--organisation <id>] [--name <name>]
                                  create an admin account; the password is read from the console
                                  (or the first line of stdin), never from the arguments
                  verify-audit    check that the audit log's keyed chain is intact and print its head
                                  (exit 1 if not); --expect-head <head> also checks a head kept earlier
                  migrate --from JDBC-URL --to JDBC-URL
                                  copy everything into a new, empty database (e.g. SQLite to PostgreSQL),
                                  verified by row counts and checksums per table

                Settings come from environment variables; see README.md.""");
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private static void serve(boolean demo, boolean exitWhenStarted) {
        Settings settings = SettingsLoader.fromEnvironment();
        SecureRandom random = new SecureRandom();
        App.Options options = App.Options.plain();
        if (demo) {
            String password = settings.demoPassword().orElseGet(() -> new Tokens(random).bearerToken().substring(0, 20));
            options = options.withDemo(new App.Demo(password, true, settings.demoPassword().isPresent()));
        }
        App app = App.start(settings, Clock.systemUTC(), random, options);
        if (exitWhenStarted) {
            app.close();
            System.out.println("Gehoord started and stopped.");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gehoord-shutdown"));
        if (app.demo().generatedCases() > 0) {
            System.out.println("Demo: generated " + app.demo().generatedCases() + " cases for the council trends.");
        }
        boolean chosen = settings.demoPassword().isPresent();
        StartBanner.lines(settings.host(), app.port(), settings.dataDir().toString(), demo, DemoData.STAFF_EMAILS,
                        chosen ? java.util.Optional.empty() : app.demo().password(), chosen)
                .forEach(System.out::println);
    }
}
