package studio.rondo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import studio.rondo.cli.RondoCommand;

/**
 * The one entry point of the jar and the installed launchers. No arguments, or only MIDI files and
 * folders (as a file association passes them): the studio window. Anything else: the command line.
 * Deliberately not a JavaFX Application, so the class path launch works (STACK-NOTES, jpackage).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensInStudio(args)) {
            int code = studio.rondo.ui.StudioLauncher.launch(args);
            if (code != 0) System.exit(code);
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(RondoCommand.execute(args, out, err));
    }

    /**
     * MIDI files and folders alone (what a file association or "Open with" passes) open in the
     * window; a command name or an option always means the command line.
     */
    static boolean opensInStudio(String[] args) {
        if (args[0].startsWith("-") || RondoCommand.isCommandName(args[0])) return false;
        for (String arg : args) {
            Path p = Path.of(arg);
            String lower = arg.toLowerCase(Locale.ROOT);
            boolean midi = (lower.endsWith(".mid") || lower.endsWith(".midi")) && Files.isRegularFile(p);
            if (!midi && !Files.isDirectory(p)) return false;
        }
        return true;
    }
}
