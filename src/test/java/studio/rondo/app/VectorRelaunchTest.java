package studio.rondo.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VectorRelaunchTest {

    @Test
    void restartsWithTheModuleAndEverythingElseAsItWas() {
        List<String> c = VectorRelaunch.command(Path.of("/usr/bin/java"), List.of("-Xmx2g", "-Dx=1"), "a.jar", "studio.rondo.Main",
                new String[] {"train", "--minutes", "5"});
        assertEquals(List.of("/usr/bin/java", "--add-modules", "jdk.incubator.vector", "-Xmx2g", "-Dx=1", "-Drondo.relaunched=true",
                "-cp", "a.jar", "studio.rondo.Main", "train", "--minutes", "5"), c);
    }

    /** Runs the studio's command line in a new JVM started without the module, as `java -jar` does. */
    private static Result run(boolean allowRelaunch, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(VectorRelaunch.javaExecutable().orElseThrow().toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "studio.rondo.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!allowRelaunch) pb.environment().put("RONDO_RELAUNCH", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private record Result(int code, String out) {
    }

    @Test
    void javaDashJarGetsTheFusedLstmAndSaysSo() throws Exception {
        Result r = run(true, "--version");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("LSTM: fused"), r.out());
        Result stock = run(false, "--version");
        assertTrue(stock.out().contains("LSTM: DL4J's stock LSTM") && stock.out().contains("--add-modules jdk.incubator.vector"), stock.out());
    }

    @Test
    void theRestartedProcessesExitCodeIsTheCommands() throws Exception {
        Result r = run(true, "inspect", "/no/such/file.mid");
        assertEquals(3, r.code(), r.out());
        assertTrue(r.out().contains("no such file") || r.out().contains("No such file") || r.out().contains("/no/such/file.mid"), r.out());
    }
}
