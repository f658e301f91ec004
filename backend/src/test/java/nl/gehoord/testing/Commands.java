package nl.gehoord.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.gehoord.config.Settings;

/** Runs an operator command (backup, restore, rotate-key, reencrypt) in-process and returns what it printed. */
public final class Commands {
    /** The shape every command entry has: arguments, settings, output and error streams; returns the exit code. */
    @FunctionalInterface
    public interface Command {
        int run(List<String> arguments, Settings settings, PrintStream out, PrintStream err);
    }

    /** What one run gave: the exit code and the two streams. */
    public record Result(int exitCode, String out, String err) {
    }

    private Commands() {
    }

    public static Result run(Command command, List<String> arguments, Settings settings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(arguments, settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command, requires exit code 0 and returns its standard output. */
    public static String succeed(Command command, List<String> arguments, Settings settings) {
        Result result = run(command, arguments, settings);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out();
    }
}
