package studio.rondo.engine.encoding;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Assumptions;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

/**
 * A minimal MIDI reader for tests only (the real one lives in the midi package): notes of every
 * track with the whole tempo map; a note-off ends the earliest sounding note of its key.
 */
final class TestMidi {
    private TestMidi() {
    }

    /** The shared Mozart set, or the test is skipped with a message saying what is missing. */
    static List<Piece> mozart() throws Exception {
        String shared = System.getProperty("rondo.shared.dir");
        Assumptions.assumeTrue(shared != null, "system property rondo.shared.dir not set: shared MIDI data unavailable");
        Path dir = Path.of(shared, "data", "midi", "piano-midi-de", "mozart");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared Mozart MIDI files missing: " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
        }
        Assumptions.assumeFalse(files.isEmpty(), "no .mid files in " + dir);
        List<Piece> out = new ArrayList<>();
        for (Path f : files) out.add(read(f.toFile()));
        return out;
    }

    static Piece read(File file) throws Exception {
        Sequence seq = MidiSystem.getSequence(file);
        if (seq.getDivisionType() != Sequence.PPQ) throw new IllegalArgumentException("SMPTE timing not supported in tests: " + file);
        List<TempoMap.Tempo> tempos = new ArrayList<>();
        for (Track track : seq.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent ev = track.get(i);
                if (ev.getMessage() instanceof MetaMessage m && m.getType() == 0x51 && m.getData().length == 3) {
                    byte[] d = m.getData();
                    tempos.add(new TempoMap.Tempo(ev.getTick(), ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF)));
                }
            }
        }
        TempoMap map = new TempoMap(seq.getResolution(), tempos);
        List<Note> notes = new ArrayList<>();
        Track[] tracks = seq.getTracks();
        for (int ti = 0; ti < tracks.length; ti++) {
            Map<Integer, ArrayDeque<long[]>> open = new HashMap<>(); // key channel*128+pitch -> (tick, velocity)
            Track track = tracks[ti];
            for (int i = 0; i < track.size(); i++) {
                MidiEvent ev = track.get(i);
                if (!(ev.getMessage() instanceof ShortMessage m)) continue;
                int cmd = m.getCommand(), key = m.getChannel() * 128 + m.getData1();
                if (cmd == ShortMessage.NOTE_ON && m.getData2() > 0) {
                    open.computeIfAbsent(key, k -> new ArrayDeque<>()).add(new long[] {ev.getTick(), m.getData2()});
                } else if (cmd == ShortMessage.NOTE_OFF || cmd == ShortMessage.NOTE_ON) {
                    ArrayDeque<long[]> q = open.get(key);
                    if (q == null || q.isEmpty()) continue;
                    long[] on = q.poll();
                    if (ev.getTick() <= on[0]) continue; // zero-length note
                    notes.add(new Note(m.getData1(), (int) on[1], m.getChannel(), ti, on[0], ev.getTick(),
                            map.secondsAt(on[0]), map.secondsAt(ev.getTick())));
                }
            }
        }
        return new Piece(file.getName(), notes, map, PieceMetadata.empty());
    }
}
