package studio.rondo.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a second JVM without the --add-exports option that WAV export needs. */
class WavRendererWithoutExportsTest {
    @TempDir
    Path dir;

    @Test
    void namesTheMissingJavaOption() throws Exception {
        Path wav = dir.resolve("out.wav");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), wav.toString())
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child JVM finished");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("WAV export needs the Java option --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED"), output);
        assertFalse(Files.exists(wav));
    }

    /** Runs in the child JVM: prints the message of the expected failure, exits 1 on anything else. */
    public static final class Child {
        public static void main(String[] args) {
            try {
                new WavRenderer().render(TestPieces.arpeggio(0.5), Path.of(args[0]), RenderProgress.none(), () -> false);
                System.out.println("rendered although the option is missing");
                System.exit(1);
            } catch (WavExportUnavailableException e) {
                System.out.println(e.getMessage());
                System.exit(0);
            } catch (Exception e) {
                e.printStackTrace(System.out);
                System.exit(1);
            }
        }
    }
}
