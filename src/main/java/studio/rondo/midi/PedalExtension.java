package studio.rondo.midi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Holds notes while the sustain pedal is down, as a piano does: a note released while its
 * channel's pedal (CC64 >= 64) is down ends when the pedal goes up, or earlier when the same key
 * is struck again on that channel (a piano damper cannot hold a key that is re-struck). A pedal
 * left down ends at the end of the file.
 */
final class PedalExtension {
    private PedalExtension() {
    }

    /** @param pedals {tick, track, channel, value} in file order */
    static void apply(RawNotes notes, List<long[]> pedals, long fileEnd) {
        if (pedals.isEmpty() || notes.size == 0) return;
        // Pedal-down intervals [down, up) per channel, merging the pedal events of all tracks.
        List<long[]> sorted = new ArrayList<>(pedals);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        long[][] downs = new long[16][];
        long[][] ups = new long[16][];
        int[] counts = new int[16];
        long[] downSince = new long[16];
        Arrays.fill(downSince, -1);
        for (int ch = 0; ch < 16; ch++) {
            downs[ch] = new long[8];
            ups[ch] = new long[8];
        }
        for (long[] p : sorted) {
            int ch = (int) p[2];
            boolean down = p[3] >= 64;
            if (down && downSince[ch] < 0) downSince[ch] = p[0];
            else if (!down && downSince[ch] >= 0) {
                addInterval(downs, ups, counts, ch, downSince[ch], p[0]);
                downSince[ch] = -1;
            }
        }
        for (int ch = 0; ch < 16; ch++) {
            if (downSince[ch] >= 0) addInterval(downs, ups, counts, ch, downSince[ch], Math.max(fileEnd, downSince[ch] + 1));
        }

        long[] nextOnset = nextOnsetOfSameKey(notes);
        for (int i = 0; i < notes.size; i++) {
            int ch = notes.channel[i];
            int n = counts[ch];
            if (n == 0) continue;
            long end = notes.end[i];
            int k = lastAtOrBefore(downs[ch], n, end);
            if (k < 0 || end >= ups[ch][k]) continue;
            long extended = Math.min(ups[ch][k], nextOnset[i]);
            if (extended > end) notes.end[i] = extended;
        }
    }

    private static void addInterval(long[][] downs, long[][] ups, int[] counts, int ch, long down, long up) {
        if (counts[ch] == downs[ch].length) {
            downs[ch] = Arrays.copyOf(downs[ch], counts[ch] * 2);
            ups[ch] = Arrays.copyOf(ups[ch], counts[ch] * 2);
        }
        downs[ch][counts[ch]] = down;
        ups[ch][counts[ch]] = up;
        counts[ch]++;
    }

    /** Index of the last interval starting at or before tick, or -1. */
    private static int lastAtOrBefore(long[] starts, int n, long tick) {
        int lo = 0, hi = n - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= tick) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** For each note, the next onset of the same key and channel strictly after its own (or Long.MAX_VALUE). */
    private static long[] nextOnsetOfSameKey(RawNotes notes) {
        Integer[] order = new Integer[notes.size];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int ka = notes.channel[a] * 128 + notes.pitch[a];
            int kb = notes.channel[b] * 128 + notes.pitch[b];
            return ka != kb ? Integer.compare(ka, kb) : Long.compare(notes.start[a], notes.start[b]);
        });
        long[] next = new long[notes.size];
        Arrays.fill(next, Long.MAX_VALUE);
        for (int j = order.length - 2; j >= 0; j--) {
            int a = order[j];
            int b = order[j + 1];
            if (notes.channel[b] != notes.channel[a] || notes.pitch[b] != notes.pitch[a]) continue;
            // b is the next strike of this key; if struck on the same tick, take its own next onset.
            next[a] = notes.start[b] > notes.start[a] ? notes.start[b] : next[b];
        }
        return next;
    }
}
