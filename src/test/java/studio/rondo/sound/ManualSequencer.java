package studio.rondo.sound;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sound.midi.ControllerEventListener;
import javax.sound.midi.MetaEventListener;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiDevice;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Track;
import javax.sound.midi.Transmitter;

/**
 * A sequencer whose clock the test moves: time passes only in {@link #advance(double)}. It behaves
 * as Java Sound's real-time sequencer does where the player relies on it: the position in ticks and
 * microseconds through the tempo map, loop points checked on each call and a loop that wraps only
 * when the playhead reaches its end from inside, the piece's events sent to the transmitter's
 * receiver as the playhead passes them, and at the end of the track it stops and tells its meta
 * listeners (type 0x2F). What the player does not use is unsupported.
 */
final class ManualSequencer implements Sequencer {
    private static final int END_OF_TRACK = 0x2F;

    private final List<MetaEventListener> metaListeners = new CopyOnWriteArrayList<>();
    private final List<Transmitter> transmitters = new ArrayList<>();
    private Sequence sequence;
    private SequenceTiming timing;
    private double seconds; // the playhead
    private boolean running;
    private boolean open;
    private long loopStart;
    private long loopEnd = -1;
    private int loopCount;

    /** Lets {@code seconds} of time pass: a running sequencer plays them, a stopped one ignores them. */
    synchronized void advance(double by) {
        if (by < 0) throw new IllegalArgumentException("time runs forward: " + by);
        if (!running || sequence == null) return;
        double target = seconds + by;
        long end = sequence.getTickLength();
        // A loop wraps when the playhead reaches its end from inside it (the real sequencer's rule).
        while (loopCount != 0 && tick() < loopEndTick() && timing.tickAt(target) >= loopEndTick()) {
            double loopEndSeconds = timing.secondsAt(loopEndTick());
            play(tick(), loopEndTick());
            seconds = timing.secondsAt(loopStart);
            target = seconds + (target - loopEndSeconds);
            if (loopCount > 0) loopCount--;
        }
        long to = Math.min(timing.tickAt(target), end);
        play(tick(), to);
        seconds = Math.min(target, timing.secondsAt(end));
        if (to >= end) {
            running = false;
            MetaMessage eot = new MetaMessage();
            try {
                eot.setMessage(END_OF_TRACK, new byte[0], 0);
            } catch (javax.sound.midi.InvalidMidiDataException e) {
                throw new IllegalStateException(e);
            }
            for (MetaEventListener l : metaListeners) l.meta(eot);
        }
    }

    private long loopEndTick() {
        return loopEnd == -1 ? sequence.getTickLength() : loopEnd;
    }

    /** Sends the short messages of ticks [from, to) to the receivers, in time order. */
    private void play(long from, long to) {
        List<MidiEvent> due = new ArrayList<>();
        for (Track track : sequence.getTracks())
            for (int i = 0; i < track.size(); i++) {
                MidiEvent e = track.get(i);
                if (e.getTick() >= from && e.getTick() < to && !(e.getMessage() instanceof MetaMessage)) due.add(e);
            }
        due.sort((a, b) -> Long.compare(a.getTick(), b.getTick()));
        for (MidiEvent e : due)
            for (Transmitter t : transmitters)
                if (t.getReceiver() != null) t.getReceiver().send(e.getMessage(), -1);
    }

    // ---- Sequencer

    @Override
    public synchronized void setSequence(Sequence sequence) {
        this.sequence = sequence;
        this.timing = SequenceTiming.of(sequence);
        seconds = 0;
        loopStart = 0;
        loopEnd = -1;
        loopCount = 0;
    }

    @Override
    public void setSequence(InputStream stream) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized Sequence getSequence() {
        return sequence;
    }

    @Override
    public synchronized void start() {
        if (!open) throw new IllegalStateException("sequencer not open");
        if (sequence == null) throw new IllegalStateException("no sequence");
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!open) throw new IllegalStateException("sequencer not open");
        running = false;
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    @Override
    public synchronized long getTickLength() {
        return sequence == null ? 0 : sequence.getTickLength();
    }

    @Override
    public synchronized long getMicrosecondLength() {
        return sequence == null ? 0 : Math.round(timing.secondsAt(sequence.getTickLength()) * 1e6);
    }

    @Override
    public synchronized long getTickPosition() {
        return sequence == null ? 0 : timing.tickAt(seconds);
    }

    private long tick() {
        return timing.tickAt(seconds);
    }

    @Override
    public synchronized void setTickPosition(long tick) {
        seconds = timing.secondsAt(tick);
    }

    @Override
    public synchronized long getMicrosecondPosition() {
        return Math.round(seconds * 1e6);
    }

    @Override
    public synchronized void setMicrosecondPosition(long microseconds) {
        seconds = microseconds / 1e6;
    }

    @Override
    public synchronized void setLoopStartPoint(long tick) {
        if (tick > getTickLength() || (loopEnd != -1 && tick > loopEnd) || tick < 0)
            throw new IllegalArgumentException("invalid loop start point: " + tick);
        loopStart = tick;
    }

    @Override
    public synchronized long getLoopStartPoint() {
        return loopStart;
    }

    @Override
    public synchronized void setLoopEndPoint(long tick) {
        if (tick > getTickLength() || (tick != -1 && loopStart > tick) || tick < -1)
            throw new IllegalArgumentException("invalid loop end point: " + tick);
        loopEnd = tick;
    }

    @Override
    public synchronized long getLoopEndPoint() {
        return loopEnd;
    }

    @Override
    public synchronized void setLoopCount(int count) {
        if (count != LOOP_CONTINUOUSLY && count < 0) throw new IllegalArgumentException("invalid loop count: " + count);
        loopCount = count;
    }

    @Override
    public synchronized int getLoopCount() {
        return loopCount;
    }

    @Override
    public boolean addMetaEventListener(MetaEventListener listener) {
        metaListeners.add(listener);
        return true;
    }

    @Override
    public void removeMetaEventListener(MetaEventListener listener) {
        metaListeners.remove(listener);
    }

    // ---- MidiDevice

    @Override
    public synchronized void open() {
        open = true;
    }

    @Override
    public synchronized void close() {
        open = false;
        running = false;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    @Override
    public synchronized Transmitter getTransmitter() {
        Transmitter t = new Transmitter() {
            private Receiver receiver;

            @Override
            public void setReceiver(Receiver receiver) {
                this.receiver = receiver;
            }

            @Override
            public Receiver getReceiver() {
                return receiver;
            }

            @Override
            public void close() {
                transmitters.remove(this);
            }
        };
        transmitters.add(t);
        return t;
    }

    @Override
    public synchronized List<Transmitter> getTransmitters() {
        return List.copyOf(transmitters);
    }

    @Override
    public MidiDevice.Info getDeviceInfo() {
        return new MidiDevice.Info("Manual", "rondo tests", "a sequencer whose clock the test moves", "1") {
        };
    }

    @Override
    public int getMaxReceivers() {
        return 0;
    }

    @Override
    public int getMaxTransmitters() {
        return -1;
    }

    @Override
    public Receiver getReceiver() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Receiver> getReceivers() {
        return List.of();
    }

    // ---- Not used by the player

    @Override public void startRecording() { throw new UnsupportedOperationException(); }
    @Override public void stopRecording() { throw new UnsupportedOperationException(); }
    @Override public boolean isRecording() { return false; }
    @Override public void recordEnable(Track track, int channel) { throw new UnsupportedOperationException(); }
    @Override public void recordDisable(Track track) { throw new UnsupportedOperationException(); }
    @Override public float getTempoInBPM() { throw new UnsupportedOperationException(); }
    @Override public void setTempoInBPM(float bpm) { throw new UnsupportedOperationException(); }
    @Override public float getTempoInMPQ() { throw new UnsupportedOperationException(); }
    @Override public void setTempoInMPQ(float mpq) { throw new UnsupportedOperationException(); }
    @Override public void setTempoFactor(float factor) { throw new UnsupportedOperationException(); }
    @Override public float getTempoFactor() { return 1f; }
    @Override public void setMasterSyncMode(SyncMode sync) { throw new UnsupportedOperationException(); }
    @Override public SyncMode getMasterSyncMode() { throw new UnsupportedOperationException(); }
    @Override public SyncMode[] getMasterSyncModes() { return new SyncMode[0]; }
    @Override public void setSlaveSyncMode(SyncMode sync) { throw new UnsupportedOperationException(); }
    @Override public SyncMode getSlaveSyncMode() { throw new UnsupportedOperationException(); }
    @Override public SyncMode[] getSlaveSyncModes() { return new SyncMode[0]; }
    @Override public void setTrackMute(int track, boolean mute) { throw new UnsupportedOperationException(); }
    @Override public boolean getTrackMute(int track) { return false; }
    @Override public void setTrackSolo(int track, boolean solo) { throw new UnsupportedOperationException(); }
    @Override public boolean getTrackSolo(int track) { return false; }
    @Override public int[] addControllerEventListener(ControllerEventListener l, int[] controllers) { throw new UnsupportedOperationException(); }
    @Override public int[] removeControllerEventListener(ControllerEventListener l, int[] controllers) { throw new UnsupportedOperationException(); }
}
