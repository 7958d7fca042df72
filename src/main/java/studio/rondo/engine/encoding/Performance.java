package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import studio.rondo.engine.encoding.StreamSpec.InputForm;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * Preset performance, after Magenta's Performance RNN: one categorical stream of events from a fixed
 * vocabulary of 388, fed one-hot:
 * <pre>
 *   0..127    NOTE_ON(pitch)
 *   128..255  NOTE_OFF(pitch)
 *   256..355  TIME_SHIFT(k × 10 ms), k = 1..100
 *   356..387  VELOCITY(bin), 32 bins of 4 velocities (bin = (velocity − 1) / 4)
 * </pre>
 * Times are quantised to 10 ms as absolute positions (no drift); a gap longer than 1 s becomes
 * several TIME_SHIFTs; VELOCITY is emitted only before a NOTE_ON whose bin differs from the last
 * one. At one instant NOTE_OFFs come before NOTE_ONs. A note re-struck while still sounding is
 * released at the new onset (the events cannot say which of two equal keys a NOTE_OFF ends).
 */
public final class Performance implements Encoding {
    public static final String NAME = "performance";
    public static final int NOTE_ON = 0, NOTE_OFF = 128, TIME_SHIFT = 256, VELOCITY = 356, SIZE = 388;
    public static final int MAX_SHIFT = 100, VELOCITY_BINS = 32, BIN_WIDTH = 4;
    public static final double SECONDS_PER_STEP = 0.01;

    private static final List<StreamSpec> STREAMS = List.of(StreamSpec.categorical("event", SIZE, InputForm.ONE_HOT));
    private static final Vocabulary EVENTS = eventVocabulary();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StreamSpec> streams() {
        return STREAMS;
    }

    public static int velocityBin(int velocity) {
        return (Clamp.velocity(velocity) - 1) / BIN_WIDTH;
    }

    /** The middle of a bin (bin 31 → 127). */
    public static int binVelocity(int bin) {
        return Clamp.velocity(1L + (long) bin * BIN_WIDTH + BIN_WIDTH / 2);
    }

    /** Readable name of an event index: "NOTE_ON_60", "TIME_SHIFT_100", "VELOCITY_12". */
    public static String eventName(int e) {
        if (e < 0 || e >= SIZE) throw new IllegalArgumentException("no such event: " + e);
        if (e < NOTE_OFF) return "NOTE_ON_" + e;
        if (e < TIME_SHIFT) return "NOTE_OFF_" + (e - NOTE_OFF);
        if (e < VELOCITY) return "TIME_SHIFT_" + (e - TIME_SHIFT + 1);
        return "VELOCITY_" + (e - VELOCITY);
    }

    @Override
    public EncodedPiece encode(Piece piece) {
        long[] events = timedEvents(Clamp.pitchedNotes(piece));
        var b = new EncodedPiece.Builder(piece.name(), STREAMS, events.length * 2);
        long now = 0;
        int bin = -1;
        for (long ev : events) {
            long time = ev >>> 17;
            int kind = (int) (ev >>> 16) & 1; // 0 off, 1 on: offs sort first
            int pitch = (int) (ev >>> 8) & 0xFF;
            int velocity = (int) ev & 0xFF;
            for (long gap = time - now; gap > 0; gap -= MAX_SHIFT) b.add(TIME_SHIFT + Math.min(MAX_SHIFT, gap) - 1);
            now = time;
            if (kind == 1) {
                int vb = velocityBin(velocity);
                if (vb != bin) b.add(VELOCITY + vb);
                bin = vb;
                b.add(NOTE_ON + pitch);
            } else {
                b.add(NOTE_OFF + pitch);
            }
        }
        return b.build();
    }

    /**
     * Note-on and note-off events packed into sortable longs: time step (bits 17+), on flag (16),
     * pitch (8..15), velocity (0..7). Same-pitch overlaps are cut at the later onset; a note never
     * shrinks below one step.
     */
    private static long[] timedEvents(List<Note> notes) {
        int n = notes.size();
        long[][] byNote = new long[n][]; // pitch, on, off, velocity
        for (int i = 0; i < n; i++) {
            Note x = notes.get(i);
            long on = Math.round(x.startSeconds() / SECONDS_PER_STEP);
            long off = Math.max(on + 1, Math.round(x.endSeconds() / SECONDS_PER_STEP));
            byNote[i] = new long[] {x.pitch(), on, off, x.velocity()};
        }
        Arrays.sort(byNote, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(b[2], a[2]));
        long[] out = new long[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            long[] x = byNote[i];
            if (i > 0 && byNote[i - 1][0] == x[0] && byNote[i - 1][1] == x[1]) continue; // same key, same step: keep the longest
            long off = x[2];
            int j = i + 1;
            while (j < n && byNote[j][0] == x[0] && byNote[j][1] == x[1]) j++;
            if (j < n && byNote[j][0] == x[0]) off = Math.min(off, byNote[j][1]);
            out[k++] = (x[1] << 17) | (1L << 16) | (x[0] << 8) | x[3];
            out[k++] = (off << 17) | (x[0] << 8);
        }
        long[] events = Arrays.copyOf(out, k);
        Arrays.sort(events);
        return events;
    }

    @Override
    public List<Piece.TimedNote> decode(List<Step> steps, DecodeContext ctx) {
        List<Piece.TimedNote> out = new ArrayList<>();
        long[] openAt = new long[128];
        int[] openVelocity = new int[128];
        Arrays.fill(openAt, -1);
        long now = 0;
        int velocity = ctx.velocity();
        for (Step s : steps) {
            int e = s.classOf(0);
            if (e < 0 || e >= SIZE) continue; // not an event: ignore rather than fail on model output
            if (e < NOTE_OFF) {
                close(out, e, openAt, openVelocity, now, ctx); // re-struck key
                openAt[e] = now;
                openVelocity[e] = velocity;
            } else if (e < TIME_SHIFT) {
                close(out, e - NOTE_OFF, openAt, openVelocity, now, ctx);
            } else if (e < VELOCITY) {
                now += e - TIME_SHIFT + 1;
            } else {
                velocity = binVelocity(e - VELOCITY);
            }
        }
        for (int p = 0; p < 128; p++) close(out, p, openAt, openVelocity, now, ctx); // still held at the end
        out.sort((a, b) -> a.startSeconds() != b.startSeconds() ? Double.compare(a.startSeconds(), b.startSeconds()) : Integer.compare(a.pitch(), b.pitch()));
        return out;
    }

    private static void close(List<Piece.TimedNote> out, int pitch, long[] openAt, int[] openVelocity, long now, DecodeContext ctx) {
        if (openAt[pitch] < 0) return;
        long end = Math.max(now, openAt[pitch] + 1);
        out.add(new Piece.TimedNote(pitch, openVelocity[pitch], ctx.channel(), openAt[pitch] * SECONDS_PER_STEP, end * SECONDS_PER_STEP));
        openAt[pitch] = -1;
    }

    /** NOTE_ON and NOTE_OFF of pitches outside the range; time shifts and velocities stay allowed. */
    @Override
    public boolean[] outsidePitchRange(int stream, int low, int high) {
        boolean[] out = new boolean[SIZE];
        for (int p = 0; p < 128; p++) out[NOTE_ON + p] = out[NOTE_OFF + p] = p < low || p > high;
        return out;
    }

    @Override
    public boolean carriesVelocity() {
        return true;
    }

    @Override
    public EncodingSpec spec() {
        // The fixed vocabulary is stored anyway, so a model file says what its 388 outputs mean.
        return new EncodingSpec(NAME, Map.of(), Map.of("event", EVENTS.tokens()));
    }

    private static Vocabulary eventVocabulary() {
        List<String> names = new ArrayList<>(SIZE);
        for (int e = 0; e < SIZE; e++) names.add(eventName(e));
        return Vocabulary.of(names);
    }
}
