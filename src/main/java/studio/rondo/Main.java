package studio.rondo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import studio.rondo.app.AppDirs;
import studio.rondo.cli.RondoCommand;

/**
 * The one entry point of the jar and the installed launchers. No arguments, or only MIDI files and
 * folders (as a file association passes them): the studio window. Anything else: the command line.
 * Deliberately not a JavaFX Application: a main class that extends Application fails to start from
 * the class path ("JavaFX runtime components are missing"), which the jar and jpackage's launcher use.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Started without the Vector API (java -jar): run again with it, for the fused LSTM.
        java.util.OptionalInt relaunched = studio.rondo.app.VectorRelaunch.ifNeeded(Main.class.getName(), args);
        if (relaunched.isPresent()) System.exit(relaunched.getAsInt());
        useOwnNativeCache();
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
     * JavaCPP unpacks the ND4J/OpenBLAS natives (~390 MB) on first use, by default into
     * ~/.javacpp/cache. Keep them in the studio's own cache folder instead, so that they are found
     * (and can be removed) with the rest of its files. Must run before any ND4J class loads; a
     * cache folder the user set with -Dorg.bytedeco.javacpp.cachedir wins.
     */
    static void useOwnNativeCache() {
        String key = "org.bytedeco.javacpp.cachedir";
        if (System.getProperty(key) == null) {
            System.setProperty(key, AppDirs.cacheDir().resolve("javacpp").toString());
        }
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
