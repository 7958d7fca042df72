package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.TestCorpus;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

class TrainBenchAndPresetsTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void benchRecordsTheReferenceTrainingSpeedAndPeakMemory(@TempDir Path dir) throws Exception {
        Path mozart = Files.createDirectories(dir.resolve("mozart"));
        for (Piece p : TestCorpus.pieces(4, 300, 9)) MidiWriter.write(p, mozart.resolve(p.name() + ".mid"));
        int code = run("bench", "--only", "train-reference", "--data", dir.toString(), "--warmup", "1", "--rounds", "2", "--json");
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(1, arr.size());
        JsonNode r = arr.get(0);
        assertEquals("train", r.get("bench").asText());
        assertEquals("pitch-step-duration", r.get("preset").asText());
        assertEquals(128, r.get("hidden").asInt());
        assertEquals(1, r.get("layers").asInt());
        assertEquals(50, r.get("seq_len").asInt());
        assertEquals(64, r.get("batch").asInt());
        assertEquals(2, r.get("batches_measured").asInt());
        assertTrue(r.get("train_windows_per_s").asDouble() > 0, r.toString());
        assertTrue(r.get("gen_events_per_s").asDouble() > 0, r.toString());
        assertTrue(r.get("peak_rss_mb").asDouble() > 50, r.toString()); // the JVM plus ND4J alone need more
        assertEquals(mozart.toString(), r.get("data").asText());
    }

    @Test
    void benchTrainsAPresetWithItsOwnRecipeEveryStepTargetsIncluded(@TempDir Path dir) throws Exception {
        Path mozart = Files.createDirectories(dir.resolve("mozart"));
        for (Piece p : TestCorpus.pieces(4, 300, 9)) MidiWriter.write(p, mozart.resolve(p.name() + ".mid"));
        int code = run("bench", "--only", "train-tf-tutorial", "--data", dir.toString(), "--warmup", "1", "--rounds", "2", "--json");
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode r = new ObjectMapper().readTree(out.toString()).get(0);
        assertEquals("tf-tutorial", r.get("preset").asText());
        assertEquals(2, r.get("batches_measured").asInt());
    }

    @Test
    void presetsShowParameterCounts() throws Exception {
        assertEquals(ExitCodes.OK, run("presets", "--json"));
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(6, arr.size());
        // 130 -> LSTM 256 x2 -> heads 128 + 1 + 1
        long psd = 4L * 256 * (130 + 256 + 1) + 4L * 256 * (256 + 256 + 1) + 256L * 128 + 128 + 2 * 257;
        for (JsonNode p : arr) {
            assertTrue(p.get("parameters").asLong() > 0, p.toString());
            if (p.get("preset").asText().equals("pitch-step-duration")) assertEquals(psd, p.get("parameters").asLong());
            if (List.of("three-stream", "chord-tokens").contains(p.get("preset").asText()))
                assertTrue(p.get("parametersNote").asText().contains("depends on the corpus"));
        }
    }
}
