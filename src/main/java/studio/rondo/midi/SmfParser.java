package studio.rondo.midi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.rondo.music.PieceMetadata.KeySignature;
import studio.rondo.music.PieceMetadata.ProgramChange;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.Pitches;

/**
 * Parses the bytes of a Standard MIDI File (format 0 or 1) into notes in ticks, tempo changes and
 * metadata. Every read is bounds-checked, so bad input ends in a {@link MidiFormatException} and
 * never in another exception, a hang or an unbounded allocation. Seconds are computed later by
 * {@link MidiReader}, once the tempo changes of all tracks are known.
 *
 * <p>Note pairing: note-on with velocity 0 is a note-off. Each note-off closes the earliest still
 * open note of the same key and channel in the same track (FIFO). A re-strike of a sounding key
 * opens a second note and leaves the first sounding until its own note-off, so the count of
 * notes always equals the count of note-ons. Notes never closed end at their track's end (at
 * least one tick after their onset); zero-length notes get one tick.
 */
final class SmfParser {
    /** Upper bound on stored notes and events, far above any real piece, so a crafted file cannot exhaust memory. */
    static final int MAX_EVENTS = 2_000_000;

    private static final int KEYS = 16 * 128;

    private final String source;
    private final byte[] b;
    private final boolean keepDrums;
    private int storedEvents;

    // Results
    int format;
    int declaredTracks;
    int resolution;
    /** Set for SMPTE division: the whole file runs at this fixed tempo and tempo events are ignored. */
    int fixedMicrosPerQuarter = -1;
    final RawNotes notes = new RawNotes();
    long[] tempoTicks = new long[64];
    int[] tempoMicros = new int[64];
    int tempoCount;
    final List<String> trackNames = new ArrayList<>();
    final List<Long> trackEndTicks = new ArrayList<>();
    final List<String> copyright = new ArrayList<>();
    final List<TimeSignature> timeSignatures = new ArrayList<>();
    final List<KeySignature> keySignatures = new ArrayList<>();
    final List<ProgramChange> programChanges = new ArrayList<>();
    final List<long[]> pedals = new ArrayList<>(); // {tick, track, channel, value}

    // Per-track FIFO of open notes per key (channel * 128 + pitch), as an intrusive linked list.
    private final int[] openHead = new int[KEYS];
    private final int[] openTail = new int[KEYS];
    private int[] nextOpen = new int[256];

    SmfParser(String source, byte[] bytes, boolean keepDrums) {
        this.source = source;
        this.b = bytes;
        this.keepDrums = keepDrums;
    }

    void parse() throws MidiFormatException {
        if (b.length == 0) throw error("empty file");
        if (b.length < 14 || !chunkIdIs(0, 'M', 'T', 'h', 'd')) throw error("not a MIDI file (no MThd header)");
        long headerLength = u32(4);
        if (headerLength < 6) throw error("MIDI header too short (" + headerLength + " bytes)");
        if (headerLength > b.length - 8) throw error("MIDI header length " + headerLength + " is larger than the file");
        format = u16(8);
        declaredTracks = u16(10);
        readDivision(u16(12));
        if (format == 2) throw error("format 2 (independent sequences) is not supported");
        if (format > 2) throw error("unknown MIDI format " + format);
        if (declaredTracks == 0) throw error("the header announces no tracks");

        int pos = (int) (8 + headerLength);
        int tracksRead = 0;
        while (tracksRead < declaredTracks) {
            if (pos == b.length) {
                throw error("truncated: the header announces " + declaredTracks + " tracks, the file holds " + tracksRead);
            }
            if (pos + 8 > b.length) throw error("truncated chunk header at byte " + pos);
            long length = u32(pos + 4);
            if (length > b.length - pos - 8) {
                throw error("chunk at byte " + pos + " claims " + length + " bytes, only " + (b.length - pos - 8) + " left in the file");
            }
            int body = pos + 8;
            if (chunkIdIs(pos, 'M', 'T', 'r', 'k')) {
                readTrack(tracksRead, body, body + (int) length);
                tracksRead++;
            } // unknown chunks (vendor data) are skipped
            pos = body + (int) length;
        }
        // Bytes after the announced tracks (padding, vendor chunks) are ignored.
    }

    private void readDivision(int division) throws MidiFormatException {
        if ((division & 0x8000) == 0) {
            if (division == 0) throw error("time division is 0 ticks per quarter note");
            resolution = division;
            return;
        }
        // SMPTE: ticks are a fixed fraction of a second. Seen as a "quarter note" of one second
        // (or 1.001 s for 29.97 drop-frame, as 30 frames then last 1.001 s).
        int fps = -(byte) (division >> 8);
        int ticksPerFrame = division & 0xFF;
        if (fps != 24 && fps != 25 && fps != 29 && fps != 30) throw error("invalid SMPTE frame rate " + fps);
        if (ticksPerFrame == 0) throw error("SMPTE time division with 0 ticks per frame");
        resolution = (fps == 29 ? 30 : fps) * ticksPerFrame;
        fixedMicrosPerQuarter = fps == 29 ? 1_001_000 : 1_000_000;
    }

    private void readTrack(int trk, int from, int to) throws MidiFormatException {
        Arrays.fill(openHead, -1);
        Arrays.fill(openTail, -1);
        String name = "";
        boolean named = false;
        int p = from;
        long tick = 0;
        int running = 0;
        while (p < to) {
            // Delta time: a variable-length quantity of at most 4 bytes.
            int delta = 0;
            int n = 0;
            int c;
            do {
                if (p >= to) throw truncated(trk, p);
                if (++n > 4) throw error("track " + trk + ": delta time longer than 4 bytes at byte " + p);
                c = b[p++] & 0xFF;
                delta = (delta << 7) | (c & 0x7F);
            } while ((c & 0x80) != 0);
            tick += delta;
            if (p >= to) throw truncated(trk, p);

            int status = b[p] & 0xFF;
            if (status >= 0x80) {
                p++;
            } else if (running != 0) {
                status = running; // running status: the data byte starts a message of the last status
            } else {
                throw error("track " + trk + ": data byte 0x" + hex(status) + " without a status at byte " + p);
            }

            if (status == 0xFF) {
                if (p >= to) throw truncated(trk, p);
                int type = b[p++] & 0xFF;
                long len = vlq(trk, p, to);
                p = vlqEnd;
                if (len > to - p) throw truncated(trk, p);
                int start = p;
                p += (int) len;
                if (type == 0x2F) { // end of track: anything after it in the chunk is ignored
                    break;
                }
                switch (type) {
                    case 0x51 -> {
                        if (len == 3) addTempo(tick, ((b[start] & 0xFF) << 16) | ((b[start + 1] & 0xFF) << 8) | (b[start + 2] & 0xFF));
                    }
                    case 0x03 -> {
                        if (!named) {
                            name = text(start, (int) len);
                            named = true;
                        }
                    }
                    case 0x02 -> {
                        count();
                        copyright.add(text(start, (int) len));
                    }
                    case 0x58 -> {
                        if (len >= 2 && (b[start + 1] & 0xFF) <= 16 && b[start] != 0) {
                            count();
                            timeSignatures.add(new TimeSignature(tick, b[start] & 0xFF, 1 << (b[start + 1] & 0xFF)));
                        }
                    }
                    case 0x59 -> {
                        if (len >= 2 && b[start] >= -7 && b[start] <= 7) {
                            count();
                            keySignatures.add(new KeySignature(tick, b[start], b[start + 1] != 0));
                        }
                    }
                    default -> { } // other meta events carry nothing the studio uses
                }
            } else if (status == 0xF0 || status == 0xF7) {
                long len = vlq(trk, p, to);
                p = vlqEnd;
                if (len > to - p) throw truncated(trk, p);
                p += (int) len;
            } else if (status >= 0xF0) {
                throw error("track " + trk + ": status byte 0x" + hex(status) + " is not allowed in a MIDI file (byte " + (p - 1) + ")");
            } else {
                running = status;
                int kind = status & 0xF0;
                int ch = status & 0x0F;
                int dataBytes = (kind == 0xC0 || kind == 0xD0) ? 1 : 2;
                if (p + dataBytes > to) throw truncated(trk, p);
                int d1 = b[p] & 0xFF;
                int d2 = dataBytes == 2 ? b[p + 1] & 0xFF : 0;
                if (d1 > 0x7F || d2 > 0x7F) throw error("track " + trk + ": status byte inside a message at byte " + p);
                p += dataBytes;
                switch (kind) {
                    case 0x90 -> {
                        if (d2 == 0) noteOff(ch, d1, tick);
                        else noteOn(ch, d1, d2, tick, trk);
                    }
                    case 0x80 -> noteOff(ch, d1, tick);
                    case 0xC0 -> {
                        count();
                        programChanges.add(new ProgramChange(tick, trk, ch, d1));
                    }
                    case 0xB0 -> {
                        if (d1 == 64) {
                            count();
                            pedals.add(new long[] {tick, trk, ch, d2});
                        }
                    }
                    default -> { } // aftertouch, pitch bend: not part of the note model
                }
            }
        }
        // Notes still sounding end with their track.
        for (int key = 0; key < KEYS; key++) {
            for (int i = openHead[key]; i != -1; i = nextOpen[i]) notes.end[i] = Math.max(tick, notes.start[i] + 1);
        }
        trackNames.add(name);
        trackEndTicks.add(tick);
    }

    private void noteOn(int ch, int key, int vel, long tick, int trk) throws MidiFormatException {
        if (ch == Pitches.DRUM_CHANNEL && !keepDrums) return;
        count();
        int i = notes.open(tick, key, vel, ch, trk);
        if (i >= nextOpen.length) nextOpen = Arrays.copyOf(nextOpen, nextOpen.length * 2);
        nextOpen[i] = -1;
        int k = ch * 128 + key;
        if (openTail[k] == -1) openHead[k] = i;
        else nextOpen[openTail[k]] = i;
        openTail[k] = i;
    }

    private void noteOff(int ch, int key, long tick) {
        int k = ch * 128 + key;
        int i = openHead[k];
        if (i == -1) return; // a note-off with nothing sounding (or a skipped drum): nothing to close
        openHead[k] = nextOpen[i];
        if (openHead[k] == -1) openTail[k] = -1;
        notes.end[i] = Math.max(tick, notes.start[i] + 1);
    }

    private void addTempo(long tick, int micros) throws MidiFormatException {
        if (micros == 0) return; // a zero tempo would stop time; sequencers ignore it too
        count();
        if (tempoCount == tempoTicks.length) {
            tempoTicks = Arrays.copyOf(tempoTicks, tempoCount * 2);
            tempoMicros = Arrays.copyOf(tempoMicros, tempoCount * 2);
        }
        tempoTicks[tempoCount] = tick;
        tempoMicros[tempoCount] = micros;
        tempoCount++;
    }

    private void count() throws MidiFormatException {
        if (++storedEvents > MAX_EVENTS) throw error("more than " + MAX_EVENTS + " notes and events, too many for one piece");
    }

    private int vlqEnd;

    /** Reads a variable-length quantity (at most 4 bytes) at p; the position after it goes to vlqEnd. */
    private long vlq(int trk, int p, int to) throws MidiFormatException {
        long value = 0;
        int n = 0;
        int c;
        do {
            if (p >= to) throw truncated(trk, p);
            if (++n > 4) throw error("track " + trk + ": length longer than 4 bytes at byte " + p);
            c = b[p++] & 0xFF;
            value = (value << 7) | (c & 0x7F);
        } while ((c & 0x80) != 0);
        vlqEnd = p;
        return value;
    }

    /** Meta text: UTF-8 when the bytes are valid UTF-8, else Latin-1 (what older files use). */
    private String text(int start, int len) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, start, len)).toString();
        } catch (CharacterCodingException e) {
            s = new String(b, start, len, StandardCharsets.ISO_8859_1);
        }
        return s.replace("\0", "").strip();
    }

    private boolean chunkIdIs(int p, char c0, char c1, char c2, char c3) {
        return b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3;
    }

    private long u32(int p) {
        return ((long) (b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    private int u16(int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private MidiFormatException truncated(int trk, int p) {
        return error("track " + trk + " is truncated (an event runs past the end of its chunk at byte " + p + ")");
    }

    MidiFormatException error(String reason) {
        return new MidiFormatException(source, reason);
    }

    private static String hex(int v) {
        return String.format("%02X", v);
    }
}
