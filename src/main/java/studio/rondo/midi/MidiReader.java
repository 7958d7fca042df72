package studio.rondo.midi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.PieceMetadata.PedalEvent;
import studio.rondo.music.TempoMap;

/**
 * Reads Standard MIDI Files (format 0 and 1) into {@link Piece}s. Our own parser over the bytes,
 * not {@code MidiSystem.getSequence}: its errors name the file and the reason, it is bounded on
 * bad input, and it reads a piano piece with thousands of tempo events in well under a millisecond.
 *
 * <p>Onsets and releases are placed in seconds through the tempo changes of all tracks merged.
 * Pairing rules are described in {@link SmfParser}; pedal extension in {@link PedalExtension}.
 */
public final class MidiReader {
    private MidiReader() {
    }

    public static Piece read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    /**
     * @throws MidiFormatException when the file is not a MIDI file the studio can read
     * @throws IOException         when the file cannot be read at all (missing, no permission)
     */
    public static Piece read(Path file, ReadOptions options) throws IOException {
        return read(readBytes(file, options.maxFileBytes()), file.toString(), baseName(file), options);
    }

    /**
     * The bytes of a file that may be a MIDI file, read safely: only regular files (after following
     * symbolic links), so a pipe or device named {@code .mid} can neither block nor flood the reader,
     * and at most {@code maxBytes} of them: the limit applies to what is read, not to the size the
     * file system reports (a link to {@code /dev/zero} reports 0).
     *
     * @throws MidiFormatException when the file is a folder, not a regular file, or larger than the limit
     * @throws NoSuchFileException when it does not exist
     * @throws IOException         when it cannot be read (no permission)
     */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        String source = file.toString();
        if (Files.isDirectory(file)) throw new MidiFormatException(source, "is a directory, not a MIDI file");
        if (!Files.exists(file)) throw new NoSuchFileException(source, null, "no such file");
        if (!Files.isRegularFile(file)) {
            throw new MidiFormatException(source, "is not a regular file (a pipe, device or socket); MIDI files are read from"
                    + " ordinary files only");
        }
        long stated = Files.size(file);
        if (stated > maxBytes) throw tooLarge(source, Long.toString(stated), maxBytes);
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1);
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(cap); // one byte more than allowed tells that the file is too large
        }
        if (bytes.length > maxBytes) throw tooLarge(source, "more than " + maxBytes, maxBytes);
        return bytes;
    }

    private static MidiFormatException tooLarge(String source, String size, long maxBytes) {
        return new MidiFormatException(source, "file is " + size + " bytes, larger than the limit of " + maxBytes + " bytes for a MIDI file");
    }

    /**
     * Reads a MIDI file from memory.
     *
     * @param source used in error messages (usually the file path)
     * @param name   the piece's name
     */
    public static Piece read(byte[] bytes, String source, String name, ReadOptions options) throws MidiFormatException {
        if (bytes.length > options.maxFileBytes()) {
            throw new MidiFormatException(source, "file is " + bytes.length + " bytes, larger than the limit of "
                    + options.maxFileBytes() + " bytes for a MIDI file");
        }
        SmfParser smf = new SmfParser(source, bytes, options.keepDrums());
        smf.parse();

        TempoMap tempo = tempoMap(smf);
        RawNotes raw = smf.notes;
        if (options.extendNotesWithPedal()) {
            long fileEnd = smf.trackEndTicks.stream().mapToLong(Long::longValue).max().orElse(0);
            PedalExtension.apply(raw, smf.pedals, fileEnd);
        }
        List<Note> notes = new ArrayList<>(raw.size);
        for (int i = 0; i < raw.size; i++) {
            long start = raw.start[i];
            long end = raw.end[i];
            double s = tempo.secondsAt(start);
            double e = tempo.secondsAt(end);
            // Far into a long file one tick may vanish below double precision; keep end > start.
            if (!(e > s)) e = Math.nextUp(s);
            notes.add(new Note(raw.pitch[i], raw.velocity[i], raw.channel[i], raw.track[i], start, end, s, e));
        }

        List<PedalEvent> pedals = new ArrayList<>(smf.pedals.size());
        for (long[] p : smf.pedals) pedals.add(new PedalEvent(p[0], tempo.secondsAt(p[0]), (int) p[1], (int) p[2], (int) p[3]));
        pedals.sort(Comparator.comparingLong(PedalEvent::tick)); // stable: file order within a tick
        smf.timeSignatures.sort(Comparator.comparingLong(PieceMetadata.TimeSignature::tick));
        smf.keySignatures.sort(Comparator.comparingLong(PieceMetadata.KeySignature::tick));
        smf.programChanges.sort(Comparator.comparingLong(PieceMetadata.ProgramChange::tick));
        PieceMetadata meta = new PieceMetadata(smf.format, smf.trackNames, smf.copyright, smf.timeSignatures,
                smf.keySignatures, smf.programChanges, pedals);
        return new Piece(name, notes, tempo, meta);
    }

    private static TempoMap tempoMap(SmfParser smf) {
        if (smf.fixedMicrosPerQuarter > 0) {
            return new TempoMap(smf.resolution, List.of(new TempoMap.Tempo(0, smf.fixedMicrosPerQuarter)));
        }
        List<TempoMap.Tempo> changes = new ArrayList<>(smf.tempoCount);
        for (int i = 0; i < smf.tempoCount; i++) changes.add(new TempoMap.Tempo(smf.tempoTicks[i], smf.tempoMicros[i]));
        return new TempoMap(smf.resolution, changes);
    }

    static String baseName(Path file) {
        Path fn = file.getFileName();
        String s = fn == null ? file.toString() : fn.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
