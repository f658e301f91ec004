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
                case "serve" -> serve(arguments.contains("--demo"));
                case "backup", "restore" -> exit(BackupCommands.run(arguments, SettingsLoader.fromEnvironment(),
                        System.out, System.err));
                case "rotate-key", "reencrypt" -> exit(KeyCommands.run(arguments, SettingsLoader.fromEnvironment(),
                        System.out, System.err));
                case "create-admin" -> System.exit(AdminCommands.createAdmin(arguments.subList(1, arguments.size())));
                case "verify-audit" -> System.exit(AdminCommands.verifyAudit());
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
                  backup --to FILE     consistent copy of the running SQLite database
                  restore --from FILE  put a backup back (stop the server first)
                  rotate-key      add a new encryption key; a running server uses it for new writes
                  reencrypt       move all stored text to the newest key
                  create-admin --email <email> [--organisation <id>] [--name <name>]
                                  create an admin account; the password is read from the console
                                  (or the first line of stdin), never from the arguments
                  verify-audit    check that the audit log's hash chain is intact (exit 1 if not)

                Settings come from environment variables; see README.md.""");
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private static void serve(boolean demo) {
        Settings settings = SettingsLoader.fromEnvironment();
        SecureRandom random = new SecureRandom();
        App.Options options = App.Options.plain();
        if (demo) {
            String password = settings.demoPassword().orElseGet(() -> new Tokens(random).bearerToken().substring(0, 20));
            options = options.withDemo(new App.Demo(password, true, settings.demoPassword().isPresent()));
        }
        App app = App.start(settings, Clock.systemUTC(), random, options);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "gehoord-shutdown"));
        String url = "http://localhost:" + app.port();
        if (app.demo().generatedCases() > 0) {
            System.out.println("Demo: generated " + app.demo().generatedCases() + " cases for the council trends.");
        }
        System.out.println();
        System.out.println("Gehoord is running at " + url + "  (health: " + url + "/health)");
        System.out.println("Data folder: " + settings.dataDir());
        if (demo) {
            System.out.println("Demo staff logins: " + String.join(", ", DemoData.STAFF_EMAILS));
            System.out.println(app.demo().password().map(p -> "Demo password: " + p)
                    .orElse("Demo password: unchanged since the demo was first seeded (set GEHOORD_DEMO_PASSWORD to "
                            + "choose one on a fresh data folder)."));
        }
    }
}
