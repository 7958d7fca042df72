package studio.rondo.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The fused LSTM needs the Vector API, an incubator module Java resolves only when asked
 * ({@code --add-modules jdk.incubator.vector}); without it training falls back to DL4J's stock LSTM,
 * 4-5 times slower. The installed launchers ask for it; {@code java -jar rondo.jar} does not, so the
 * studio then starts itself again with the module: same Java, options, class path and arguments,
 * standard streams shared, its exit code returned. Ctrl-C reaches both processes (the child saves its
 * checkpoint as usual; this one waits for it); a SIGTERM to this one alone is passed on.
 *
 * <p>Not done when the module is there already, when this is the restarted process, when the Java
 * runtime has no such module (a trimmed runtime), under a debugger, or with {@code RONDO_RELAUNCH=0}.
 */
public final class VectorRelaunch {
    public static final String MODULE = "jdk.incubator.vector";
    static final String GUARD = "rondo.relaunched";
    private static final long CHILD_EXIT_WAIT_SECONDS = 90;

    private VectorRelaunch() {
    }

    /** Runs the studio again with the module and returns its exit code, or empty when this process should go on itself. */
    public static OptionalInt ifNeeded(String mainClass, String[] args) {
        if (ModuleLayer.boot().findModule(MODULE).isPresent() || Boolean.getBoolean(GUARD) || "0".equals(System.getenv("RONDO_RELAUNCH")))
            return OptionalInt.empty();
        if (ModuleFinder.ofSystem().find(MODULE).isEmpty()) return OptionalInt.empty();
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp"))) return OptionalInt.empty();
        Optional<Path> java = javaExecutable();
        if (java.isEmpty()) return OptionalInt.empty();
        List<String> command = command(java.get(), jvmOptions, System.getProperty("java.class.path"), mainClass, args);
        try {
            Process child = new ProcessBuilder(command).inheritIO().start();
            Thread forward = new Thread(() -> {
                child.destroy(); // SIGTERM: the child's own shutdown hooks run (a training run saves its checkpoint)
                try {
                    child.waitFor(CHILD_EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "rondo-relaunch-forward");
            Runtime.getRuntime().addShutdownHook(forward);
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(forward);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already: it only waits for the child, which has ended
            }
            return OptionalInt.of(code);
        } catch (IOException e) {
            return OptionalInt.empty(); // cannot start a process here: go on, slower
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        }
    }

    /** The command that restarts the studio with the module, everything else as it was. */
    static List<String> command(Path java, List<String> jvmOptions, String classPath, String mainClass, String[] args) {
        List<String> c = new ArrayList<>();
        c.add(java.toString());
        c.add("--add-modules");
        c.add(MODULE);
        c.addAll(jvmOptions);
        c.add("-D" + GUARD + "=true");
        c.add("-cp");
        c.add(classPath);
        c.add(mainClass);
        c.addAll(List.of(args));
        return c;
    }

    /** The java launcher of the running runtime. */
    static Optional<Path> javaExecutable() {
        Optional<Path> own = ProcessHandle.current().info().command().map(Path::of).filter(Files::isExecutable)
                .filter(p -> p.getFileName().toString().startsWith("java"));
        if (own.isPresent()) return own;
        Path home = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("java", "java.exe")) if (Files.isExecutable(home.resolve(name))) return Optional.of(home.resolve(name));
        return Optional.empty();
    }
}
