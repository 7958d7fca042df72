package studio.rondo.sound;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Sequencer;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studio.rondo.app.SettingsStore;

/**
 * Plays a {@link Sequence} through the Java Sound sequencer and the Gervill synthesizer: play,
 * pause, stop, seek and loop in seconds, a playhead to poll ({@link #position()}) or to listen to,
 * and an end-of-piece notification. Thread-safe; listeners are told on the player's event thread.
 *
 * <p>The audio output opens on the first {@link #play()} (or {@link #openAudio()}). Without an audio
 * device that throws {@link AudioUnavailableException} and the player stays usable: load, seek and
 * loop still work, and WAV export does not need the player at all.
 */
public final class Player implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Player.class);
    private static final long CLOCK_MILLIS = 40; // playhead updates while playing: ~25 per second

    /** A loop range in seconds. */
    public record Loop(double startSeconds, double endSeconds) {
    }

    /** Opens a synthesizer for playback; tests replace it. */
    @FunctionalInterface
    interface SynthesizerOpener {
        Synthesizer open() throws MidiUnavailableException;
    }

    private final Sequencer sequencer;
    private final SynthesizerOpener opener; // null: a silent player
    private final SettingsStore settings;   // null: SoundFont choices are not remembered
    private final List<PlayerListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService clock;
    private final ExecutorService events; // one thread, so listeners hear things in order

    private Synthesizer synth;
    private Receiver synthReceiver;
    private Soundbank soundFont;
    private Path soundFontFile;
    private volatile Sequence sequence;
    private volatile SequenceTiming timing;
    private volatile PlayerState state = PlayerState.STOPPED;
    private boolean looping;
    private boolean closed;

    Player(Sequencer sequencer, SynthesizerOpener opener, SettingsStore settings) {
        this(sequencer, opener, settings, true);
    }

    /**
     * @param sequencer the player's time: the playhead is its position (tests pass one whose clock they move)
     * @param beat      whether a clock thread updates the playhead every {@value #CLOCK_MILLIS} ms while
     *                  playing; without it nothing does until {@link #tick()} is called (tests)
     */
    Player(Sequencer sequencer, SynthesizerOpener opener, SettingsStore settings, boolean beat) {
        this.sequencer = sequencer;
        this.opener = opener;
        this.settings = settings;
        this.clock = Executors.newSingleThreadScheduledExecutor(daemon("rondo-player-clock"));
        this.events = Executors.newSingleThreadExecutor(daemon("rondo-player-events"));
        sequencer.addMetaEventListener(meta -> {
            if (meta.getType() != 0x2F) return;
            try {
                clock.execute(this::checkEnd); // end of track: handled off the sequencer's thread
            } catch (RejectedExecutionException closedMeanwhile) {
                // nothing to end any more
            }
        });
        if (beat) clock.scheduleAtFixedRate(this::tick, CLOCK_MILLIS, CLOCK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * A player that sounds through the system synthesizer, with the SoundFont remembered in the
     * settings (a remembered file that no longer loads is skipped with a warning in the log).
     *
     * @param settings where the SoundFont choice is remembered, or null to remember nothing
     * @throws AudioUnavailableException if Java Sound has no MIDI sequencer at all
     */
    public static Player create(SettingsStore settings) throws AudioUnavailableException {
        Player player = new Player(openSequencer(), MidiSystem::getSynthesizer, settings);
        if (settings != null) {
            SoundFonts.remembered(settings).ifPresent(file -> {
                try {
                    player.soundFont = SoundFonts.load(file);
                    player.soundFontFile = file;
                } catch (SoundFontException e) {
                    LOG.warn("{}; using the built-in sounds", e.getMessage());
                }
            });
        }
        return player;
    }

    /** A player without sound: the transport and playhead work, nothing is heard. */
    public static Player silent() throws AudioUnavailableException {
        return new Player(openSequencer(), null, null);
    }

    private static Sequencer openSequencer() throws AudioUnavailableException {
        try {
            // Not connected to the default synthesizer: we connect our own, with the user's sounds.
            Sequencer sequencer = MidiSystem.getSequencer(false);
            sequencer.open();
            return sequencer;
        } catch (MidiUnavailableException | RuntimeException e) {
            throw new AudioUnavailableException("no MIDI sequencer: " + e.getMessage(), e);
        }
    }

    // ---- Listeners

    public void addListener(PlayerListener listener) {
        listeners.add(listener);
    }

    public void removeListener(PlayerListener listener) {
        listeners.remove(listener);
    }

    // ---- Audio output and sounds

    /**
     * Opens the audio output now (play() does it too), e.g. to tell the user early that there is none.
     * Does nothing if already open or if the player is silent.
     */
    public synchronized void openAudio() throws AudioUnavailableException {
        checkOpen();
        if (synth != null || opener == null) return;
        Synthesizer s = null;
        try {
            s = opener.open();
            s.open();
            if (!Instruments.swap(s, null, soundFont, Instruments.programsOf(sequence))) {
                LOG.warn("The synthesizer refused SoundFont {}; using the built-in sounds", soundFontFile);
                soundFont = null;
                soundFontFile = null;
            }
            synthReceiver = s.getReceiver();
            sequencer.getTransmitter().setReceiver(synthReceiver);
            synth = s;
        } catch (MidiUnavailableException | RuntimeException e) {
            if (s != null) s.close();
            synthReceiver = null;
            // Gervill says "Can not open line" when there is no sound card.
            throw new AudioUnavailableException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    /** True once the audio output is open. */
    public synchronized boolean isAudioOpen() {
        return synth != null;
    }

    /**
     * Uses the sounds of a SoundFont from now on and remembers the choice. If the file is not a
     * usable SoundFont the player keeps its previous sounds and the exception names the file.
     */
    public void loadSoundFont(Path file) throws SoundFontException {
        Soundbank bank = SoundFonts.load(file); // parse outside the lock: it reads the file
        synchronized (this) {
            checkOpen();
            Set<Integer> programs = Instruments.programsOf(sequence);
            if (synth != null && !Instruments.swap(synth, soundFont, bank, programs)) {
                Instruments.swap(synth, bank, soundFont, programs);
                throw new SoundFontException(file, "the synthesizer does not accept its instruments", null);
            }
            soundFont = bank;
            soundFontFile = file;
        }
        if (settings != null) SoundFonts.remember(settings, file);
    }

    /** Goes back to the built-in sounds and remembers that. */
    public void useBuiltInSounds() {
        synchronized (this) {
            checkOpen();
            if (synth != null) Instruments.swap(synth, soundFont, null, Set.of());
            soundFont = null;
            soundFontFile = null;
        }
        if (settings != null) SoundFonts.remember(settings, null);
    }

    /** The SoundFont in use, if not the built-in sounds. */
    public synchronized Optional<Path> soundFont() {
        return Optional.ofNullable(soundFontFile);
    }

    // ---- Transport

    /** Loads a piece, stopped at its start, with no loop. */
    public synchronized void load(Sequence piece) {
        checkOpen();
        sequencer.stop();
        silenceNotes();
        try {
            sequencer.setSequence(piece);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("The sequencer cannot play this sequence: " + e.getMessage(), e);
        }
        sequence = piece;
        timing = SequenceTiming.of(piece);
        if (synth != null && soundFont != null && !Instruments.add(synth, soundFont, Instruments.programsOf(piece)))
            LOG.warn("The synthesizer refused some instruments of SoundFont {}; they play with the built-in sounds", soundFontFile);
        clearLoop();
        sequencer.setTickPosition(0);
        setState(PlayerState.STOPPED);
        firePosition(0);
    }

    /** Plays from the playhead (from the start again if it is at the end). */
    public synchronized void play() throws AudioUnavailableException {
        requireSequence();
        if (state == PlayerState.PLAYING) return;
        openAudio();
        if (!looping && atEnd()) sequencer.setTickPosition(0);
        sequencer.start();
        setState(PlayerState.PLAYING);
    }

    /** Stops where it is; play() continues from there. */
    public synchronized void pause() {
        checkOpen();
        if (state != PlayerState.PLAYING) return;
        sequencer.stop();
        silenceNotes();
        setState(PlayerState.PAUSED);
        firePosition(position());
    }

    /** Stops and goes back to the start. */
    public synchronized void stop() {
        checkOpen();
        sequencer.stop();
        silenceNotes();
        if (sequence != null) sequencer.setTickPosition(0);
        setState(PlayerState.STOPPED);
        firePosition(0);
    }

    /** Moves the playhead, clamped to the piece; keeps playing if it was. */
    public synchronized void seek(double seconds) {
        requireSequence();
        double clamped = Math.max(0, Math.min(seconds, duration()));
        sequencer.setMicrosecondPosition(Math.round(clamped * 1e6));
        silenceNotes(); // notes held across the jump would hang
        firePosition(position());
    }

    /**
     * Repeats the range [start, end) in seconds until {@link #clearLoop()}. If the playhead is
     * outside the range it jumps to the start of it.
     */
    public synchronized void setLoop(double startSeconds, double endSeconds) {
        requireSequence();
        if (!(startSeconds >= 0 && endSeconds > startSeconds && endSeconds <= duration() + 1e-6))
            throw new IllegalArgumentException(String.format("Loop %.3f-%.3f s is not inside the piece (0-%.3f s)",
                    startSeconds, endSeconds, duration()));
        long startTick = timing.tickAt(startSeconds);
        long endTick = Math.min(Math.max(timing.tickAt(endSeconds), startTick + 1), Math.max(1, timing.endTick()));
        // The sequencer checks start <= end on each call, so clear the end before moving the start.
        sequencer.setLoopEndPoint(-1);
        sequencer.setLoopStartPoint(startTick);
        sequencer.setLoopEndPoint(endTick);
        sequencer.setLoopCount(Sequencer.LOOP_CONTINUOUSLY);
        looping = true;
        long tick = sequencer.getTickPosition();
        if (tick < startTick || tick >= endTick) {
            sequencer.setTickPosition(startTick);
            silenceNotes();
            firePosition(position());
        }
    }

    public synchronized void clearLoop() {
        checkOpen();
        sequencer.setLoopCount(0);
        sequencer.setLoopEndPoint(-1);
        sequencer.setLoopStartPoint(0);
        looping = false;
    }

    /** The loop range, if one is set (as the sequencer holds it: rounded to ticks). */
    public synchronized Optional<Loop> loop() {
        if (!looping) return Optional.empty();
        return Optional.of(new Loop(timing.secondsAt(sequencer.getLoopStartPoint()), timing.secondsAt(sequencer.getLoopEndPoint())));
    }

    /** The playhead in seconds; cheap enough to poll every frame. */
    public double position() {
        return sequencer.getMicrosecondPosition() / 1e6;
    }

    /** Length of the loaded piece in seconds, to its last note-off (0 with none). */
    public double duration() {
        SequenceTiming t = timing;
        return t == null ? 0 : t.endSeconds();
    }

    public PlayerState state() {
        return state;
    }

    /** Stops playing and releases the sequencer and the audio output. The player cannot be used again. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        sequencer.stop();
        silenceNotes();
        sequencer.close();
        if (synth != null) synth.close();
        synth = null;
        clock.shutdownNow();
        state = PlayerState.STOPPED;
        events.shutdown();
    }

    // ---- Internals

    /**
     * Waits until the listeners have heard everything the player did before this call, an end of
     * track the sequencer reported included (tests).
     */
    void awaitListeners() throws InterruptedException {
        try {
            clock.submit(() -> { }).get(); // an end of track passes through the clock thread first
            events.submit(() -> { }).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One beat of the clock while playing: a playhead update, and the end if the sequencer stopped by itself. */
    void tick() {
        if (state != PlayerState.PLAYING) return;
        firePosition(position()); // the playhead of this beat, not of when the listeners run
        checkEnd();
    }

    private synchronized void checkEnd() {
        if (closed || state != PlayerState.PLAYING) return;
        // The sequencer would run on to the end-of-track marker, which can trail the music by minutes.
        // While looping it wraps at the loop end, unless the playhead was sent past it.
        boolean pastEnd = atEnd() && (!looping || sequencer.getTickPosition() > sequencer.getLoopEndPoint());
        if (sequencer.isRunning() && !pastEnd) return;
        sequencer.stop();
        silenceNotes();
        sequencer.setTickPosition(0);
        setState(PlayerState.STOPPED);
        fire(PlayerListener::ended);
        firePosition(0);
    }

    private boolean atEnd() {
        return sequencer.getTickPosition() >= Math.max(1, timing.endTick());
    }

    private void setState(PlayerState next) {
        if (state == next) return;
        state = next;
        fire(l -> l.stateChanged(next));
    }

    private void firePosition(double seconds) {
        fire(l -> l.positionChanged(seconds));
    }

    private void fire(Consumer<PlayerListener> call) {
        try {
            events.execute(() -> {
                for (PlayerListener l : listeners) {
                    try {
                        call.accept(l);
                    } catch (RuntimeException e) {
                        LOG.warn("A player listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException closedMeanwhile) {
            // close() won the race; nobody listens any more
        }
    }

    /** Pedal up and all notes off on every channel, so nothing keeps sounding after a stop or a jump. */
    /**
     * Sounds one key for {@code millis} on channel 0 (clicking a key of the piano roll), beside
     * whatever plays. Opens the audio output first if needed.
     */
    public synchronized void previewNote(int pitch, int velocity, long millis) throws AudioUnavailableException {
        checkOpen();
        openAudio();
        if (synthReceiver == null) return;
        Receiver r = synthReceiver;
        try {
            r.send(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, Math.max(1, Math.min(127, velocity))), -1);
            ShortMessage off = new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0);
            clock.schedule(() -> r.send(off, -1), millis, TimeUnit.MILLISECONDS);
        } catch (InvalidMidiDataException | RejectedExecutionException e) {
            throw new IllegalArgumentException("pitch " + pitch, e);
        }
    }

    private void silenceNotes() {
        if (synthReceiver == null) return;
        try {
            for (int ch = 0; ch < 16; ch++) {
                synthReceiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 64, 0), -1);
                synthReceiver.send(new ShortMessage(ShortMessage.CONTROL_CHANGE, ch, 123, 0), -1);
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException(e); // constant, valid messages
        }
    }

    private void requireSequence() {
        checkOpen();
        if (sequence == null) throw new IllegalStateException("No piece loaded");
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("The player is closed");
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
