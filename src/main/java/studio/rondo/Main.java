package studio.rondo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import studio.rondo.cli.RondoCommand;

/**
 * The one entry point of the jar and the installed launchers. No arguments (or one MIDI file, as a
 * file association passes it): the studio window. Anything else: the command line.
 * Deliberately not a JavaFX Application, so the class path launch works (STACK-NOTES, jpackage).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || (args.length == 1 && isMidiFile(args[0]))) {
            int code = studio.rondo.ui.StudioLauncher.launch(args);
            if (code != 0) System.exit(code);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(RondoCommand.execute(args, out, err));
    }

    private static boolean isMidiFile(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".mid") || lower.endsWith(".midi")) && Files.isRegularFile(Path.of(arg));
    }
}
