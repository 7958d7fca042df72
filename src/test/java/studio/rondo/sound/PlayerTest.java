package studio.rondo.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.rondo.app.SettingsStore;

/**
 * Transport tests. Time comes from a {@link ManualSequencer} that the test moves, and the playhead
 * beat is stepped by hand ({@link Player#tick()}), so positions are exact and nothing depends on how
 * busy the machine is. The same cases run with an audio device (Gervill opened on a stream stands in
 * for a sound card) and without one; two tests drive Java Sound's real sequencer and wait on what it
 * does, not for a time.
 */
class PlayerTest {
    private static final String NO_AUDIO =
            "No audio output device is available (Can not open line). Playback is off; export to WAV still works.";
    private static final double TICK = 1.0 / (2 * TestPieces.PPQ); // one tick at 120 bpm, in seconds

    /** Where the sound goes. */
    enum Output {
        /** A synthesizer rendering to a stream, as it would to a sound card. */
        AUDIO_DEVICE,
        /** No synthesizer at all (a silent player). */
        NONE
    }

    @TempDir
    Path dir;

    private Player player;
    private final ManualSequencer time = new ManualSequencer();
    private final List<PlayerState> states = new CopyOnWriteArrayList<>();
    private final List<Double> positions = new CopyOnWriteArrayList<>();
    private final AtomicInteger ends = new AtomicInteger();

    @AfterEach
    void close() {
        if (player != null) player.close();
    }

    /** A player on the manual clock, recording what its listeners hear. */
    private Player manualPlayer(Output output) throws Exception {
        time.open();
        Player.SynthesizerOpener opener = output == Output.NONE ? null : streamSynthesizer()::synth;
        player = new Player(time, opener, null, false);
        player.addListener(new PlayerListener() {
            @Override
            public void stateChanged(PlayerState state) {
                states.add(state);
            }

            @Override
            public void positionChanged(double seconds) {
                positions.add(seconds);
            }

            @Override
            public void ended() {
                ends.incrementAndGet();
            }
        });
        return player;
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void playAdvancesThePlayheadWithTheClockAndPauseHoldsIt(Output output) throws Exception {
        manualPlayer(output).load(TestPieces.arpeggio(4.0));
        player.seek(1.0);
        player.play();
        assertEquals(output == Output.AUDIO_DEVICE, player.isAudioOpen());
        time.advance(0.4);
        assertEquals(1.4, player.position(), 1e-6);
        player.tick();
        time.advance(0.2);
        player.tick();
        player.pause();
        assertEquals(1.6, player.position(), 1e-6);
        time.advance(1.0);
        player.tick();
        assertEquals(1.6, player.position(), 1e-6, "paused: the clock runs on, the playhead does not");
        assertEquals(PlayerState.PAUSED, player.state());

        player.play();
        time.advance(0.1);
        assertEquals(1.7, player.position(), 1e-6, "continues from where it paused");
        player.stop();
        assertEquals(0.0, player.position(), 1e-9);
        time.advance(0.5);
        assertEquals(0.0, player.position(), 1e-9, "stopped");

        player.awaitListeners();
        assertEquals(List.of(PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.STOPPED), states);
        // load, seek, two beats while playing, pause, stop; none while paused
        assertPositions(List.of(0.0, 1.0, 1.4, 1.6, 1.6, 0.0));
        assertEquals(0, ends.get());
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void playAtTheEndStartsOverAndSeekWhilePlayingKeepsPlaying(Output output) throws Exception {
        manualPlayer(output).load(TestPieces.arpeggio(2.0));
        player.seek(2.0);
        player.play();
        assertEquals(0.0, player.position(), 1e-9, "from the start again");
        time.advance(0.5);
        player.seek(1.25);
        assertEquals(PlayerState.PLAYING, player.state());
        time.advance(0.25);
        assertEquals(1.5, player.position(), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void aLoopKeepsThePlayheadInItsRange(Output output) throws Exception {
        manualPlayer(output).load(TestPieces.arpeggio(4.0));
        player.setLoop(0.5, 0.8);
        assertEquals(0.5, player.position(), 1e-6, "jumps into the loop");
        Player.Loop loop = player.loop().orElseThrow();
        assertEquals(0.5, loop.startSeconds(), TICK);
        assertEquals(0.8, loop.endSeconds(), TICK);

        player.play();
        for (int step = 1; step <= 20; step++) { // 2 s: more than six times round
            time.advance(0.1);
            player.tick();
            double expected = 0.5 + (step % 3) * 0.1;
            assertEquals(expected, player.position(), 1e-6, "after " + step * 0.1 + " s");
            assertEquals(PlayerState.PLAYING, player.state(), "a loop never ends");
        }

        player.clearLoop();
        assertEquals(Optional.empty(), player.loop());
        time.advance(0.5);
        assertEquals(0.7 + 0.5, player.position(), 1e-6, "plays on past the old loop end");
        assertThrows(IllegalArgumentException.class, () -> player.setLoop(3.0, 5.0), "loop past the end");
        player.awaitListeners();
        assertEquals(0, ends.get());
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void aPlayheadSentPastTheLoopPlaysOnToTheEnd(Output output) throws Exception {
        manualPlayer(output).load(TestPieces.arpeggio(2.0));
        player.setLoop(0.5, 0.8);
        player.play();
        player.seek(1.5);
        time.advance(0.25);
        player.tick();
        assertEquals(1.75, player.position(), 1e-6);
        assertEquals(PlayerState.PLAYING, player.state());
        time.advance(0.5); // past the last note: the sequencer reaches the end of the track
        player.awaitListeners();
        assertEquals(PlayerState.STOPPED, player.state());
        assertEquals(1, ends.get());
        assertEquals(0.0, player.position(), 1e-9, "back at the start");
    }

    @ParameterizedTest
    @EnumSource(Output.class)
    void theEndOfThePieceIsAnnouncedAtItsLastNoteNotAtATrailingEndOfTrack(Output output) throws Exception {
        manualPlayer(output).load(TestPieces.piece().note(0, 0.3, 60, 100).endOfTrackAt(600).build());
        assertEquals(0.3, player.duration(), 1e-3);
        player.play();
        time.advance(0.25);
        player.tick();
        player.awaitListeners();
        assertEquals(PlayerState.PLAYING, player.state(), "before the last note-off");
        assertEquals(0, ends.get());

        time.advance(0.1); // past the note-off, ten minutes before the end of the track
        player.tick();
        player.awaitListeners();
        assertEquals(PlayerState.STOPPED, player.state());
        assertEquals(1, ends.get());
        assertEquals(0.0, player.position(), 1e-9, "back at the start");
        assertFalse(time.isRunning(), "the sequencer is stopped, not left running to the end of the track");
        assertEquals(List.of(PlayerState.PLAYING, PlayerState.STOPPED), states);
    }

    @Test
    void withoutAnAudioDevicePlaySaysSoAndTheTransportKeepsWorking() throws Exception {
        player = new Player(openSequencer(), () -> {
            throw new MidiUnavailableException("Can not open line"); // what Gervill says with no sound card
        }, null);
        player.load(TestPieces.arpeggio(3.0));

        AudioUnavailableException e = assertThrows(AudioUnavailableException.class, player::play);
        assertEquals(NO_AUDIO, e.getMessage());
        assertEquals(PlayerState.STOPPED, player.state());
        assertFalse(player.isAudioOpen());
        player.seek(1.5);
        assertEquals(1.5, player.position(), 0.01);
        player.setLoop(1.0, 2.0);
        assertEquals(1.0, player.loop().orElseThrow().startSeconds(), 0.01);
    }

    @Test
    void thisMachinesSystemPlayerOpensItsAudioDeviceOrSaysThereIsNone() throws Exception {
        player = Player.create(null);
        player.load(TestPieces.piece().note(0, 0.5, 69, 1).build());
        try {
            player.play();
        } catch (AudioUnavailableException e) {
            // No sound card (CI): the message a person reads.
            assertTrue(e.getMessage().startsWith("No audio output device is available ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("Playback is off; export to WAV still works."), e.getMessage());
            assertFalse(player.isAudioOpen());
            assertEquals(PlayerState.STOPPED, player.state());
            return;
        }
        // A sound card: the audio is open and the transport plays through it.
        assertTrue(player.isAudioOpen());
        assertEquals(PlayerState.PLAYING, player.state());
        player.stop();
        assertEquals(PlayerState.STOPPED, player.state());
        assertEquals(0.0, player.position(), 1e-9);
    }

    @Test
    void seekMovesThePlayheadWithinThePiece() throws Exception {
        player = Player.silent();
        player.load(TestPieces.arpeggio(4.0));
        assertEquals(4.0, player.duration(), 0.01);

        player.seek(2.5);
        assertEquals(2.5, player.position(), 0.01);
        player.seek(-3);
        assertEquals(0.0, player.position(), 0.01);
        player.seek(99);
        assertEquals(4.0, player.position(), 0.01);
    }

    /** Java Sound's own sequencer, on its own clock: the loop points the player sets make it wrap. */
    @Test
    void theRealSequencerWrapsAtTheLoopThePlayerSets() throws Exception {
        player = Player.silent();
        player.load(TestPieces.arpeggio(4.0));
        player.setLoop(0.5, 0.8);
        player.play();
        double last = player.position();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // a wrap takes 0.3 s; only a hang waits this long
        boolean wrapped = false;
        while (!wrapped) {
            assertTrue(System.nanoTime() < giveUp, "never went round the loop");
            double p = player.position();
            assertTrue(p >= 0.49 && p <= 0.85, "inside the loop: " + p);
            wrapped = p < last - 0.1;
            last = p;
            LockSupport.parkNanos(1_000_000); // a look every millisecond
        }
        assertEquals(PlayerState.PLAYING, player.state());
    }

    /** Java Sound's own sequencer runs to a trailing end of track ten minutes on; the player ends at the last note. */
    @Test
    void theRealSequencerIsStoppedAtTheLastNote() throws Exception {
        player = Player.silent();
        CountDownLatch ended = new CountDownLatch(1);
        player.addListener(new PlayerListener() {
            @Override
            public void ended() {
                ended.countDown();
            }
        });
        player.load(TestPieces.piece().note(0, 0.3, 60, 100).endOfTrackAt(600).build());
        player.play();
        assertTrue(ended.await(30, TimeUnit.SECONDS), "a 0.3 s piece ended (only a hang waits 30 s)");
        assertEquals(PlayerState.STOPPED, player.state());
        assertEquals(0.0, player.position(), 1e-9, "back at the start");
    }

    @Test
    void aCorruptSoundFontIsRefusedAndThePreviousSoundsStay() throws Exception {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"));
        player = new Player(openSequencer(), null, settings);
        Path bad = TestPieces.corruptSoundFont(dir);

        SoundFontException e = assertThrows(SoundFontException.class, () -> player.loadSoundFont(bad));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertEquals(Optional.empty(), player.soundFont());
        assertEquals(Optional.empty(), SoundFonts.remembered(settings));
    }

    @Test
    void aChosenSoundFontIsRememberedForTheNextPlayer() throws Exception {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.json"));
        Path sf2 = TestPieces.smallSoundFont(dir);
        player = Player.create(settings);
        player.loadSoundFont(sf2);
        assertThrows(SoundFontException.class, () -> player.loadSoundFont(TestPieces.corruptSoundFont(dir)));
        assertEquals(Optional.of(sf2), player.soundFont(), "kept after the failed load");
        player.close();

        player = Player.create(settings);
        assertEquals(Optional.of(sf2.toAbsolutePath()), player.soundFont());
        player.useBuiltInSounds();
        assertEquals(Optional.empty(), player.soundFont());
        assertEquals(Optional.empty(), SoundFonts.remembered(settings));
    }

    @Test
    void playingSendsTheNotesToTheSynthesizerAndStopSilencesThem() throws Exception {
        // Gervill opened on a stream instead of a sound card renders as the test reads: what the player
        // sent can be heard by reading it, at the stream's time, not the machine's.
        StreamSynthesizer device = streamSynthesizer();
        time.open();
        player = new Player(time, device::synth, null, false);
        player.load(TestPieces.piece().note(0, 3.0, 69, 110).build());
        player.loadSoundFont(TestPieces.smallSoundFont(dir)); // swapped into the synthesizer when it opens

        assertTrue(rms(device.audio, 0.2) < 1e-4, "silent before play");
        player.play();
        assertTrue(player.isAudioOpen());
        time.advance(0.01); // the note-on at 0 goes out
        assertTrue(rms(device.audio, 0.2) > 0.01, "the note sounds");
        player.stop();
        device.audio.skip(4 * 44_100); // let the release fade
        assertTrue(rms(device.audio, 0.2) < 1e-3, "silent after stop, though the note-off never came");
        player.close();
        assertFalse(device.synth.isOpen(), "close releases the synthesizer");
    }

    private void assertPositions(List<Double> expected) {
        assertEquals(expected.size(), positions.size(), "playhead updates: " + positions);
        for (int i = 0; i < expected.size(); i++) assertEquals(expected.get(i), positions.get(i), 1e-6, "update " + i + " of " + positions);
    }

    /** Gervill opened on a stream: an audio device whose output the test reads. */
    private record StreamSynthesizer(Synthesizer synth, AudioInputStream audio) {
    }

    private static StreamSynthesizer streamSynthesizer() throws Exception {
        Synthesizer synth = MidiSystem.getSynthesizer();
        AudioInputStream audio = (AudioInputStream) Class.forName("com.sun.media.sound.AudioSynthesizer")
                .getMethod("openStream", AudioFormat.class, Map.class).invoke(synth, WavRenderer.FORMAT, null);
        return new StreamSynthesizer(synth, audio);
    }

    private static double rms(AudioInputStream audio, double seconds) throws Exception {
        byte[] b = audio.readNBytes(4 * (int) (seconds * 44_100));
        double sum = 0;
        for (int i = 0; i + 1 < b.length; i += 2) {
            double v = (short) ((b[i] & 0xFF) | (b[i + 1] << 8)) / 32768.0;
            sum += v * v;
        }
        return Math.sqrt(sum / (b.length / 2));
    }

    private static Sequencer openSequencer() throws MidiUnavailableException {
        Sequencer sequencer = MidiSystem.getSequencer(false);
        sequencer.open();
        return sequencer;
    }
}
