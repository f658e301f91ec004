package nl.gehoord.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import nl.gehoord.config.Settings;

/** {@code backup --to FILE} and {@code restore --from FILE}. Returns the exit code: 0 done, 2 bad usage, 1 failed. */
public final class BackupCommands {
    private BackupCommands() {
    }

    public static int run(List<String> arguments, Settings settings, PrintStream out, PrintStream err) {
        String command = arguments.get(0);
        String flag = command.equals("backup") ? "--to" : "--from";
        int at = arguments.indexOf(flag);
        if (at < 0 || at + 1 >= arguments.size()) {
            err.println("Usage: " + command + " " + flag + " FILE");
            return 2;
        }
        Path file = Path.of(arguments.get(at + 1));
        try {
            SqliteBackup.Result result = command.equals("backup")
                    ? SqliteBackup.backup(settings.databaseUrl(), file)
                    : SqliteBackup.restore(file, settings.databaseUrl());
            out.println((command.equals("backup") ? "Backup written to " : "Restored into ") + result.file()
                    + " (" + result.bytes() + " bytes, " + result.cases() + " cases).");
            if (command.equals("backup")) {
                out.println("The key file " + settings.keyFile() + " is not in the backup: back it up separately.");
            }
            return 0;
        } catch (BackupException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
