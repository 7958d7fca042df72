package studio.rondo.music.edit;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Note;

/**
 * Copied notes, kept relative to the first onset so they paste anywhere, in any piece (ticks are
 * rescaled when the resolutions differ). One clipboard for the whole studio.
 */
public final class NoteClipboard {
    private static final NoteClipboard SHARED = new NoteClipboard();

    /** A copied note: offset and length in ticks at {@link #resolution}. */
    public record Clip(int pitch, int velocity, int channel, int track, long offset, long length) {
    }

    private List<Clip> clips = List.of();
    private int resolution = 480;

    public static NoteClipboard shared() {
        return SHARED;
    }

    public synchronized void put(List<Note> notes, int resolution) {
        long first = Long.MAX_VALUE;
        for (Note n : notes) first = Math.min(first, n.startTick());
        List<Clip> out = new ArrayList<>(notes.size());
        for (Note n : notes) out.add(new Clip(n.pitch(), n.velocity(), n.channel(), n.track(), n.startTick() - first, n.durationTicks()));
        this.clips = List.copyOf(out);
        this.resolution = resolution;
    }

    public synchronized boolean isEmpty() {
        return clips.isEmpty();
    }

    public synchronized List<Clip> clips() {
        return clips;
    }

    public synchronized int resolution() {
        return resolution;
    }
}
