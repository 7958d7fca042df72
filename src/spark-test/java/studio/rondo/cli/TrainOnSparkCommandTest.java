package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

/**
 * `rondo train --spark local[2]` as a user runs it: the corpus given as a file:// URI, read by the
 * executors; the same --json lines as local training; a model the studio loads; --resume on the cluster.
 * Runs after SparkTrainingTest has let go of its Spark context (one per JVM).
 */
class TrainOnSparkCommandTest {
    private final ObjectMapper json = new ObjectMapper();

    private record Run(int code, List<JsonNode> lines, String err) {
    }

    private Run train(Path midi, Path model, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("train", "--data", midi.toUri().toString(), "--preset", "tf-tutorial", "--seq-len", "8",
                "--batch", "16", "--hidden", "16", "--warmup", "3", "--lr", "0.005", "--val-split", "0.25", "--json", "--out", model.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = RondoCommand.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        List<JsonNode> lines = new ArrayList<>();
        for (String l : out.toString().split("\n")) if (!l.isBlank()) lines.add(json.readTree(l));
        return new Run(code, lines, err.toString());
    }

    private static List<String> fields(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> i = n.fieldNames(); i.hasNext(); ) names.add(i.next());
        return names;
    }

    @Test
    void trainOnSparkReadsTheCorpusOnTheExecutorsPrintsTheJsonLinesOfLocalTrainingAndResumes(@TempDir Path dir) throws Exception {
        Path midi = Files.createDirectories(dir.resolve("midi"));
        for (Piece p : TestCorpus.pieces(8, 160, 1)) MidiWriter.write(p, midi.resolve(p.name() + ".mid"));
        // The same corpus trained on this machine (local training takes paths).
        StringWriter lo = new StringWriter(), le = new StringWriter();
        int localCode = RondoCommand.execute(new String[] {"train", "--data", midi.toString(), "--preset", "tf-tutorial", "--seq-len", "8",
                "--batch", "16", "--hidden", "16", "--warmup", "3", "--lr", "0.005", "--val-split", "0.25", "--json", "--epochs", "2",
                "--out", dir.resolve("local.zip").toString()}, new PrintWriter(lo), new PrintWriter(le));
        assertEquals(ExitCodes.OK, localCode, le.toString());
        List<JsonNode> local = new ArrayList<>();
        for (String l : lo.toString().split("\n")) if (!l.isBlank()) local.add(json.readTree(l));

        Run spark = train(midi, dir.resolve("spark.zip"), "--epochs", "2", "--spark", "local[2]");
        assertEquals(ExitCodes.OK, spark.code(), spark.err());
        assertTrue(spark.err().contains("executors reading the corpus"), spark.err());
        assertTrue(spark.err().matches("(?s).*\\d+ windows by key, 0 with their steps.*"), spark.err());
        assertFalse(spark.err().contains("Exception"), spark.err());
        // The same lines as locally: a start, one per epoch, a summary, with the same fields, on the same split.
        assertEquals(local.stream().map(n -> n.get("event").asText()).toList(), spark.lines().stream().map(n -> n.get("event").asText()).toList());
        for (int i = 0; i < local.size(); i++) assertEquals(fields(local.get(i)), fields(spark.lines().get(i)), spark.lines().get(i).toString());
        assertEquals(local.get(0).get("trainPieces"), spark.lines().get(0).get("trainPieces"));
        assertEquals(local.get(0).get("windowsPerEpoch"), spark.lines().get(0).get("windowsPerEpoch"));
        assertEquals(ModelStore.readInfo(dir.resolve("local.zip")).corpus(), ModelStore.readInfo(dir.resolve("spark.zip")).corpus());

        Run resumed = train(midi, dir.resolve("spark3.zip"), "--resume", dir.resolve("spark.zip").toString(), "--epochs", "3", "--spark", "local[2]");
        assertEquals(ExitCodes.OK, resumed.code(), resumed.err());
        assertEquals(3, ModelStore.load(dir.resolve("spark3.zip")).info().history().size());
        try (Stream<JsonNode> epochs = resumed.lines().stream().filter(n -> n.get("event").asText().equals("epoch"))) {
            assertEquals(List.of(3), epochs.map(n -> n.get("epoch").asInt()).toList());
        }
    }
}
