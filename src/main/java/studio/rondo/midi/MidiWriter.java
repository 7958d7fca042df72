package studio.rondo.midi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;
import studio.rondo.util.AtomicFiles;

/**
 * Writes a {@link Piece} as a Standard MIDI File, format 1. Track 0 carries the tempo map, time
 * and key signatures and copyright; every track of the piece keeps its index, its name, its
 * program changes, sustain pedal events and notes, so a written-then-read piece has the same notes
 * on the same tracks.
 */
public final class MidiWriter {
    private static final int META_COPYRIGHT = 0x02;
    private static final int META_TRACK_NAME = 0x03;
    private static final int META_TEMPO = 0x51;
    private static final int META_TIME_SIGNATURE = 0x58;
    private static final int META_KEY_SIGNATURE = 0x59;

    private MidiWriter() {
    }

    /** Writes the file through a temporary file renamed into place: a failed write keeps the old file. */
    public static void write(Piece piece, Path target) throws IOException {
        AtomicFiles.write(target, out -> write(piece, out));
    }

    public static void write(Piece piece, OutputStream out) throws IOException {
        MidiSystem.write(toSequence(piece), 1, out);
    }

    /** The piece as a javax.sound.midi sequence (PPQ, the piece's resolution), e.g. for playing. */
    public static Sequence toSequence(Piece piece) {
        int resolution = piece.resolution();
        if (resolution > 0x7FFF) {
            throw new IllegalArgumentException("resolution " + resolution + " ticks per quarter does not fit in a MIDI file (max 32767)");
        }
        PieceMetadata meta = piece.metadata();
        int trackCount = Math.max(1, meta.trackNames().size());
        for (Note n : piece.notes()) trackCount = Math.max(trackCount, n.track() + 1);
        for (PieceMetadata.ProgramChange p : meta.programChanges()) trackCount = Math.max(trackCount, p.track() + 1);
        for (PieceMetadata.PedalEvent p : meta.sustainEvents()) trackCount = Math.max(trackCount, p.track() + 1);

        List<List<Timed>> events = new ArrayList<>();
        for (int t = 0; t < trackCount; t++) events.add(new ArrayList<>());
        List<Timed> conductor = events.get(0);
        for (TempoMap.Tempo t : piece.tempoMap().changes()) {
            int us = t.microsPerQuarter();
            conductor.add(new Timed(t.tick(), Timed.META, meta(META_TEMPO, new byte[] {(byte) (us >> 16), (byte) (us >> 8), (byte) us})));
        }
        for (PieceMetadata.TimeSignature ts : meta.timeSignatures()) {
            int log2 = Integer.numberOfTrailingZeros(ts.denominator());
            conductor.add(new Timed(ts.tick(), Timed.META, meta(META_TIME_SIGNATURE,
                    new byte[] {(byte) ts.numerator(), (byte) log2, (byte) clocksPerClick(ts), 8})));
        }
        for (PieceMetadata.KeySignature ks : meta.keySignatures()) {
            conductor.add(new Timed(ks.tick(), Timed.META, meta(META_KEY_SIGNATURE, new byte[] {(byte) ks.sharps(), (byte) (ks.minor() ? 1 : 0)})));
        }
        for (String c : meta.copyright()) conductor.add(new Timed(0, Timed.META, meta(META_COPYRIGHT, c.getBytes(StandardCharsets.UTF_8))));
        for (int t = 0; t < meta.trackNames().size(); t++) {
            String name = meta.trackNames().get(t);
            if (!name.isEmpty()) events.get(t).add(new Timed(0, Timed.NAME, meta(META_TRACK_NAME, name.getBytes(StandardCharsets.UTF_8))));
        }
        for (PieceMetadata.ProgramChange p : meta.programChanges()) {
            events.get(p.track()).add(new Timed(p.tick(), Timed.CONTROL, shortMessage(ShortMessage.PROGRAM_CHANGE, p.channel(), p.program(), 0)));
        }
        for (PieceMetadata.PedalEvent p : meta.sustainEvents()) {
            events.get(p.track()).add(new Timed(p.tick(), Timed.CONTROL, shortMessage(ShortMessage.CONTROL_CHANGE, p.channel(), 64, p.value())));
        }
        for (Note n : piece.notes()) {
            List<Timed> track = events.get(n.track());
            track.add(new Timed(n.startTick(), Timed.NOTE_ON, shortMessage(ShortMessage.NOTE_ON, n.channel(), n.pitch(), n.velocity())));
            track.add(new Timed(n.endTick(), Timed.NOTE_OFF, shortMessage(ShortMessage.NOTE_OFF, n.channel(), n.pitch(), 64)));
        }

        try {
            Sequence seq = new Sequence(Sequence.PPQ, resolution);
            for (List<Timed> list : events) {
                // On one tick: names and meta first, then controls, note-offs before note-ons, so a
                // re-struck key is released before it sounds again. The sort is stable.
                list.sort(Comparator.comparingLong(Timed::tick).thenComparingInt(Timed::rank));
                Track track = seq.createTrack();
                for (Timed e : list) track.add(new MidiEvent(e.message(), e.tick()));
            }
            return seq;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("PPQ sequence refused", e); // cannot happen for PPQ
        }
    }

    /**
     * MIDI clocks (24 per quarter) per metronome click: one beat of the denominator, a dotted one in
     * compound meters (6/8, 9/8, 12/8, 6/16...).
     */
    static int clocksPerClick(PieceMetadata.TimeSignature ts) {
        int beat = 96 / Math.max(1, Math.min(96, ts.denominator()));
        boolean compound = ts.denominator() >= 8 && ts.numerator() > 3 && ts.numerator() % 3 == 0;
        return Math.max(1, Math.min(127, compound ? 3 * beat : beat));
    }

    private record Timed(long tick, int rank, MidiMessage message) {
        static final int NAME = 0, META = 1, CONTROL = 2, NOTE_OFF = 3, NOTE_ON = 4;
    }

    private static MetaMessage meta(int type, byte[] data) {
        try {
            return new MetaMessage(type, data, data.length);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ShortMessage shortMessage(int command, int channel, int d1, int d2) {
        try {
            return new ShortMessage(command, channel, d1, d2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
