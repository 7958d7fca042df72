package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {
    @TempDir
    Path dir;
    Path good;
    Path bad;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track t = seq.createTrack();
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, 21, 90), 0));     // A0
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, 21, 0), 960));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 1, 108, 90), 0));    // C8
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 1, 108, 0), 480));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 9, 36, 90), 0));     // a drum
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 9, 36, 0), 480));
        good = dir.resolve("good.mid");
        MidiSystem.write(seq, 1, good.toFile());
        bad = dir.resolve("bad.mid");
        Files.writeString(bad, "hello");
    }

    private int run(String... args) {
        return RondoCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void listsTheGoodFileReportsTheBadOneAndExitsWith3() {
        int code = run("inspect", good.toString(), bad.toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        String listing = out.toString();
        assertTrue(listing.contains(good.toString()), listing);
        assertTrue(listing.contains("2 notes, 1.0 s, pitch range A0–C8, channels 1,2"), listing);
        assertTrue(listing.contains("format 1, 1 track, 480 ticks per quarter, 1 tempo event"), listing);
        assertTrue(err.toString().contains(bad + ": not a MIDI file"), err.toString());
    }

    @Test
    void keepsDrumsWhenAsked() {
        assertEquals(ExitCodes.OK, run("inspect", "--drums", good.toString()));
        assertTrue(out.toString().contains("3 notes"), out.toString());
        assertTrue(out.toString().contains("channels 1,2,10"), out.toString());
    }

    @Test
    void printsJsonWithAnErrorFieldForBadFiles() throws Exception {
        int code = run("inspect", "--json", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, code);
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals(2, arr.size());
        JsonNode first = arr.get(0); // bad.mid sorts first
        assertTrue(first.get("error").asText().contains("not a MIDI file"));
        JsonNode second = arr.get(1);
        assertEquals(2, second.get("notes").asInt());
        assertEquals("A0", second.get("lowestPitch").asText());
        assertEquals("C8", second.get("highestPitch").asText());
        assertEquals(480, second.get("resolution").asInt());
        assertEquals(1.0, second.get("durationSeconds").asDouble(), 1e-9);
    }

    @Test
    void exitsWith2WithoutFiles() {
        assertEquals(ExitCodes.USAGE, run("inspect"));
        assertTrue(err.toString().contains("FILE|DIR"), err.toString());
    }
}
