package studio.rondo;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import studio.rondo.app.AppDirs;
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
        useDataDirForNativeCache();
        if (args.length == 0 || (args.length == 1 && isMidiFile(args[0]))) {
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
     * ~/.javacpp/cache. Keep them in the studio's own data folder instead, so that they are found
     * (and can be removed) with the rest of its files. Must run before any ND4J class loads; a
     * cache folder the user set with -Dorg.bytedeco.javacpp.cachedir wins.
     */
    static void useDataDirForNativeCache() {
        String key = "org.bytedeco.javacpp.cachedir";
        if (System.getProperty(key) == null) {
            System.setProperty(key, AppDirs.dataDir().resolve("javacpp-cache").toString());
        }
    }

    private static boolean isMidiFile(String arg) {
        String lower = arg.toLowerCase(Locale.ROOT);
        return (lower.endsWith(".mid") || lower.endsWith(".midi")) && Files.isRegularFile(Path.of(arg));
    }
}
