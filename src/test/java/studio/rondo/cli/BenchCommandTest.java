package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void printsAMidiReadRecordAsJson(@TempDir Path dir) throws Exception {
        for (int f = 0; f < 3; f++) {
            Sequence seq = new Sequence(Sequence.PPQ, 96);
            Track t = seq.createTrack();
            for (int i = 0; i < 10; i++) {
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 60 + i, 80), i * 96L));
                t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 60 + i, 0), i * 96L + 90));
            }
            MidiSystem.write(seq, 1, dir.resolve("f" + f + ".mid").toFile());
        }
        long t0 = System.nanoTime();
        int code = run("bench", "--only", "midi", "--data", dir.toString(), "--warmup", "1", "--rounds", "3", "--json");
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(1, arr.size());
        JsonNode r = arr.get(0);
        List<String> keys = new ArrayList<>();
        r.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("bench", "data", "files", "badFiles", "notes", "megabytes", "warmupRounds", "rounds", "bestSeconds",
                "medianSeconds", "megabytesPerSecond", "threads"), keys);
        assertEquals("midi_read", r.get("bench").asText());
        // The work: the three files of ten notes each, their size in MB (10^6 bytes, to the 0.001 printed)
        assertEquals(3, r.get("files").asInt());
        assertEquals(30, r.get("notes").asInt());
        assertEquals(0, r.get("badFiles").asInt());
        long bytes = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) bytes += Files.size(f);
        }
        double mb = r.get("megabytes").asDouble();
        assertEquals(bytes / 1e6, mb, 0.0005, mb + " MB for " + bytes + " bytes");
        // Seconds: a round is inside the command's wall time, the best no slower than the median, and MB/s their quotient.
        double best = r.get("bestSeconds").asDouble();
        assertTrue(best <= r.get("medianSeconds").asDouble() && r.get("medianSeconds").asDouble() <= wallSeconds, r.toString());
        // MB/s = MB / best round, up to the rounding of the printed best (0.0001 s) and of MB/s (0.01)
        if (best > 0) { // printed as 0 below 50 µs
            double rate = bytes / 1e6 / best;
            assertEquals(rate, r.get("megabytesPerSecond").asDouble(), 0.01 + rate * 0.00005 / (best - 0.00005), r.toString());
        }
    }

    @Test
    void refusesAnUnknownBenchmarkAsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("bench", "--only", "nonsense"));
        assertTrue(err.toString().contains("unknown benchmark 'nonsense' (known: midi, train-reference, train-reference-2x256, train-reference-stock, train-reference-perf, train-tf-tutorial,"), err.toString());
    }

    @Test
    void reportsAMissingDataFolderAsBadInput(@TempDir Path dir) {
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--only", "midi", "--data", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("no such data folder"), err.toString());
    }
}
