package studio.rondo.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;

class MidiReaderTest {
    static Piece read(byte[] bytes) throws MidiFormatException {
        return read(bytes, ReadOptions.DEFAULT);
    }

    static Piece read(byte[] bytes, ReadOptions options) throws MidiFormatException {
        return MidiReader.read(bytes, "test.mid", "test", options);
    }

    @Test
    void readsFormat0WithSeveralChannelsInOneTrack() throws Exception {
        byte[] f = Smf.file(0, 96, Smf.track()
                .on(0, 0, 60, 100).on(0, 1, 48, 90).off(96, 0, 60).off(0, 1, 48).end(0).bytes());
        Piece p = read(f);
        assertEquals(0, p.metadata().format());
        assertEquals(2, p.notes().size());
        assertEquals(List.of(48, 60), p.notes().stream().map(Note::pitch).toList());
        assertEquals(List.of(1, 0), p.notes().stream().map(Note::channel).toList());
        assertEquals(96, p.resolution());
        assertEquals(0.5, p.notes().get(0).endSeconds(), 1e-9); // 96 ticks = 1 quarter at the default 120 bpm
    }

    @Test
    void readsTempoMapIntoSeconds() throws Exception {
        // Conductor track: 120 bpm, then 60 bpm from tick 480. Notes on track 1.
        byte[] conductor = Smf.track().tempo(0, 500_000).tempo(480, 1_000_000).end(0).bytes();
        byte[] notes = Smf.track().on(0, 0, 60, 80).off(480, 0, 60).on(0, 0, 62, 80).off(480, 0, 62).end(0).bytes();
        Piece p = read(Smf.file(1, 480, conductor, notes));
        Note first = p.notes().get(0);
        Note second = p.notes().get(1);
        assertEquals(0.0, first.startSeconds(), 1e-9);
        assertEquals(0.5, first.endSeconds(), 1e-9);
        assertEquals(0.5, second.startSeconds(), 1e-9);
        assertEquals(1.5, second.endSeconds(), 1e-9);
        assertEquals(1, second.track());
        assertEquals(2, p.tempoMap().size());
    }

    @Test
    void mergesTempoEventsFromEveryTrack() throws Exception {
        // The tempo change lives on the notes' own track 2, not on the conductor track.
        byte[] t0 = Smf.track().tempo(0, 500_000).end(0).bytes();
        byte[] t1 = Smf.track().on(240, 0, 64, 80).off(480, 0, 64).end(0).bytes();
        byte[] t2 = Smf.track().tempo(240, 250_000).end(0).bytes();
        Piece p = read(Smf.file(1, 480, t0, t1, t2));
        Note n = p.notes().get(0);
        assertEquals(0.25, n.startSeconds(), 1e-9);
        assertEquals(0.25 + 0.25, n.endSeconds(), 1e-9); // one quarter at 240 bpm
    }

    @Test
    void followsRunningStatusIncludingVelocityZeroNoteOffs() throws Exception {
        // 90 3C 64, then data bytes only: 40 64 (note-on 64), 3C 00 (off 60), 40 00 (off 64)
        byte[] t = Smf.track().raw(0, 0x90, 60, 100).raw(0, 64, 100).raw(120, 60, 0).raw(120, 64, 0).end(0).bytes();
        Piece p = read(Smf.file(0, 120, t));
        assertEquals(2, p.notes().size());
        Note c = p.notes().get(0);
        Note e = p.notes().get(1);
        assertEquals(60, c.pitch());
        assertEquals(120, c.endTick());
        assertEquals(64, e.pitch());
        assertEquals(240, e.endTick());
        assertEquals(100, e.velocity());
    }

    @Test
    void pairsOverlappingNotesOfOneKeyFirstInFirstOut() throws Exception {
        // on@0, re-strike on@100, off@150, off@300: the first off closes the earliest note.
        byte[] t = Smf.track().on(0, 0, 60, 70).on(100, 0, 60, 90).off(50, 0, 60).off(150, 0, 60).end(0).bytes();
        Piece p = read(Smf.file(0, 480, t));
        assertEquals(2, p.notes().size());
        assertEquals(0, p.notes().get(0).startTick());
        assertEquals(150, p.notes().get(0).endTick());
        assertEquals(70, p.notes().get(0).velocity());
        assertEquals(100, p.notes().get(1).startTick());
        assertEquals(300, p.notes().get(1).endTick());
    }

    @Test
    void endsUnclosedNotesAtTheEndOfTheirTrack() throws Exception {
        byte[] t1 = Smf.track().on(0, 0, 60, 70).end(960).bytes();
        byte[] t2 = Smf.track().on(0, 1, 50, 70).on(400, 1, 52, 70).end(0).bytes(); // 52 starts at the track's end
        Piece p = read(Smf.file(1, 480, t1, t2));
        assertEquals(960, p.notes().stream().filter(n -> n.pitch() == 60).findFirst().orElseThrow().endTick());
        assertEquals(400, p.notes().stream().filter(n -> n.pitch() == 50).findFirst().orElseThrow().endTick());
        Note last = p.notes().stream().filter(n -> n.pitch() == 52).findFirst().orElseThrow();
        assertEquals(401, last.endTick());
    }

    @Test
    void givesZeroLengthNotesOneTick() throws Exception {
        byte[] t = Smf.track().on(10, 0, 60, 70).off(0, 0, 60).end(0).bytes();
        Note n = read(Smf.file(0, 480, t)).notes().get(0);
        assertEquals(10, n.startTick());
        assertEquals(11, n.endTick());
        assertTrue(n.endSeconds() > n.startSeconds());
    }

    @Test
    void skipsDrumsUnlessAsked() throws Exception {
        byte[] t = Smf.track().on(0, 9, 36, 100).on(0, 0, 60, 100).off(240, 9, 36).off(0, 0, 60).end(0).bytes();
        byte[] f = Smf.file(0, 480, t);
        assertEquals(List.of(60), read(f).notes().stream().map(Note::pitch).toList());
        List<Note> withDrums = read(f, ReadOptions.DEFAULT.withKeepDrums(true)).notes();
        assertEquals(2, withDrums.size());
        assertTrue(withDrums.get(0).isDrum());
    }

    @Test
    void keepsPedalEventsAndExtendsNotesOnlyWhenAsked() throws Exception {
        // pedal down @100; note 60 0..200 (released under pedal); note 62 0..200 on channel 1 (no pedal);
        // note 64 50..150 re-struck at 300 while the pedal is still down; pedal up @500.
        byte[] t = Smf.track()
                .on(0, 0, 60, 80).on(0, 1, 62, 80).on(50, 0, 64, 80)
                .cc(50, 0, 64, 127)
                .off(50, 0, 64)
                .off(50, 0, 60).off(0, 1, 62)
                .on(100, 0, 64, 80).off(100, 0, 64)
                .cc(100, 0, 64, 0).end(0).bytes();
        byte[] f = Smf.file(0, 480, t);

        Piece plain = read(f);
        assertEquals(List.of(200L, 200L, 150L, 400L), plain.notes().stream().map(Note::endTick).toList());
        List<PieceMetadata.PedalEvent> pedal = plain.metadata().sustainEvents();
        assertEquals(2, pedal.size());
        assertTrue(pedal.get(0).down());
        assertEquals(100, pedal.get(0).tick());
        assertEquals(500, pedal.get(1).tick());

        Piece held = read(f, ReadOptions.DEFAULT.withExtendNotesWithPedal(true));
        Note c = held.notes().stream().filter(n -> n.pitch() == 60).findFirst().orElseThrow();
        Note d = held.notes().stream().filter(n -> n.pitch() == 62).findFirst().orElseThrow();
        List<Note> e = held.notes().stream().filter(n -> n.pitch() == 64).toList();
        assertEquals(500, c.endTick(), "held until the pedal goes up");
        assertEquals(200, d.endTick(), "another channel's pedal does not hold it");
        assertEquals(300, e.get(0).endTick(), "held only until the key is struck again");
        assertEquals(500, e.get(1).endTick());
        assertEquals(held.tempoMap().secondsAt(500), c.endSeconds(), 1e-9);
    }

    @Test
    void keepsTrackNamesCopyrightSignaturesAndPrograms() throws Exception {
        byte[] t0 = Smf.track().name("Sonata").text(0, 0x02, "© Bernd Krüger")
                .meta(0, 0x58, 3, 2, 24, 8).meta(0, 0x59, 0xFD, 1).meta(960, 0x58, 6, 3, 24, 8).end(0).bytes();
        byte[] t1 = Smf.track().name("Piano right").program(0, 0, 5).on(0, 0, 60, 80).off(10, 0, 60).end(0).bytes();
        byte[] t2 = Smf.track().on(0, 1, 40, 80).off(10, 1, 40).end(0).bytes();
        PieceMetadata m = read(Smf.file(1, 480, t0, t1, t2)).metadata();
        assertEquals(List.of("Sonata", "Piano right", ""), m.trackNames());
        assertEquals(List.of("© Bernd Krüger"), m.copyright());
        assertEquals(List.of(new PieceMetadata.TimeSignature(0, 3, 4), new PieceMetadata.TimeSignature(960, 6, 8)), m.timeSignatures());
        assertEquals(List.of(new PieceMetadata.KeySignature(0, -3, true)), m.keySignatures());
        assertEquals(List.of(new PieceMetadata.ProgramChange(0, 1, 0, 5)), m.programChanges());
    }

    @Test
    void skipsUnknownChunksSysexAndOtherMessages() throws Exception {
        byte[] t = Smf.track()
                .raw(0, 0xF0, 3, 0x7E, 0x7F, 0xF7)          // sysex with its length
                .raw(0, 0xE0, 0, 64)                        // pitch bend
                .raw(0, 0xD0, 10)                           // channel pressure (one data byte)
                .on(0, 0, 60, 80).raw(0, 0xF7, 1, 0x01)     // escaped sysex packet
                .off(10, 0, 60).end(0).bytes();
        byte[] f = Smf.concat(Smf.file(0, 480), Smf.chunk("XFIH", new byte[] {1, 2, 3}), Smf.chunk("MTrk", t));
        f[11] = 1; // the header announces the one track after the vendor chunk
        Piece p = read(f);
        assertEquals(1, p.notes().size());
        assertEquals(10, p.notes().get(0).endTick());
    }

    @Test
    void readsSmpteTimeDivisionStraightIntoSeconds() throws Exception {
        // 25 frames per second, 40 ticks per frame: 1000 ticks per second; tempo events do not apply.
        int division = ((-25 & 0xFF) << 8) | 40;
        byte[] t = Smf.track().tempo(0, 250_000).on(500, 0, 60, 80).off(1500, 0, 60).end(0).bytes();
        Note n = read(Smf.file(0, division, t)).notes().get(0);
        assertEquals(0.5, n.startSeconds(), 1e-9);
        assertEquals(2.0, n.endSeconds(), 1e-9);
    }

    @Test
    void readsWhatJavaSoundWrites() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 240);
        Track conductor = seq.createTrack();
        conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x07, (byte) 0xA1, 0x20}, 3), 0)); // 500000 us
        conductor.add(new MidiEvent(new MetaMessage(0x51, new byte[] {0x0F, 0x42, 0x40}, 3), 240));      // 1000000 us
        Track notes = seq.createTrack();
        for (int i = 0; i < 4; i++) {
            notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 2, 60 + i, 90), i * 240L));
            notes.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 2, 60 + i, 0), i * 240L + 120));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(seq, 1, out);
        Piece p = read(out.toByteArray());
        assertEquals(4, p.notes().size());
        assertEquals(List.of(0.0, 0.5, 1.5, 2.5), p.notes().stream().map(Note::startSeconds).toList());
        assertEquals(2, p.notes().get(3).channel());
    }
}
