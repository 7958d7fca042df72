package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
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
        int code = run("bench", "--only", "midi", "--data", dir.toString(), "--warmup", "1", "--rounds", "3", "--json");
        assertEquals(ExitCodes.OK, code, err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(1, arr.size());
        JsonNode r = arr.get(0);
        assertEquals("midi_read", r.get("bench").asText());
        assertEquals(3, r.get("files").asInt());
        assertEquals(30, r.get("notes").asInt());
        assertEquals(0, r.get("badFiles").asInt());
        assertTrue(r.get("bestSeconds").asDouble() <= r.get("medianSeconds").asDouble());
    }

    @Test
    void refusesAnUnknownBenchmarkAsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("bench", "--only", "nonsense"));
        assertTrue(err.toString().contains("unknown benchmark 'nonsense' (known: midi, train-reference, train-reference-2x256, train-tf-tutorial,"), err.toString());
    }

    @Test
    void reportsAMissingDataFolderAsBadInput(@TempDir Path dir) {
        assertEquals(ExitCodes.BAD_INPUT, run("bench", "--only", "midi", "--data", dir.resolve("none").toString()));
        assertTrue(err.toString().contains("no such data folder"), err.toString());
    }
}
