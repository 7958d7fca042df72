package studio.rondo.sound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Sequencer;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.app.SettingsStore;

/** Transport tests drive the real sequencer with no synthesizer attached; nothing needs a sound card. */
class PlayerTest {
    private static final String NO_AUDIO =
            "No audio output device is available (Can not open line). Playback is off; export to WAV still works.";

    @TempDir
    Path dir;

    private Player player;

    @AfterEach
    void close() {
        if (player != null) player.close();
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
    }

    @Test
    void thisMachinesSystemPlayerReportsTheMissingDevice() throws Exception {
        player = Player.create(null);
        try {
            player.openAudio();
        } catch (AudioUnavailableException e) {
            assertTrue(e.getMessage().startsWith("No audio output device is available ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("Playback is off; export to WAV still works."), e.getMessage());
            return;
        }
        assumeTrue(false, "this machine has an audio device; the no-device message is covered by the test above");
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

    @Test
    void playAdvancesThePlayheadAndPauseHoldsIt() throws Exception {
        player = Player.silent();
        List<PlayerState> states = new CopyOnWriteArrayList<>();
        List<Double> positions = new CopyOnWriteArrayList<>();
        player.addListener(new PlayerListener() {
            @Override
            public void stateChanged(PlayerState state) {
                states.add(state);
            }

            @Override
            public void positionChanged(double seconds) {
                positions.add(seconds);
            }
        });
        player.load(TestPieces.arpeggio(4.0));
        player.seek(1.0);
        player.play();
        Thread.sleep(400);
        player.pause();
        double paused = player.position();
        assertTrue(paused > 1.2 && paused < 1.9, "about 1.4 s after 0.4 s of play from 1.0: " + paused);
        Thread.sleep(150);
        assertEquals(paused, player.position(), 1e-9);
        assertEquals(PlayerState.PAUSED, player.state());

        player.play();
        Thread.sleep(100);
        player.stop();
        assertEquals(0.0, player.position(), 1e-9);
        Thread.sleep(100); // listeners are told on the player's thread
        assertEquals(List.of(PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.PLAYING, PlayerState.STOPPED), states);
        assertTrue(positions.stream().filter(p -> p > 1.0 && p < paused + 1e-9).count() >= 4,
                "several playhead updates while playing: " + positions);
    }

    @Test
    void aLoopKeepsThePlayheadInItsRange() throws Exception {
        player = Player.silent();
        player.load(TestPieces.arpeggio(4.0));
        player.setLoop(0.5, 0.8);
        assertEquals(0.5, player.position(), 0.01, "jumps into the loop");
        Player.Loop loop = player.loop().orElseThrow();
        assertEquals(0.5, loop.startSeconds(), 1e-3);
        assertEquals(0.8, loop.endSeconds(), 1e-3);

        player.play();
        boolean wrapped = false;
        double last = player.position();
        long until = System.nanoTime() + 900_000_000L;
        while (System.nanoTime() < until) {
            double p = player.position();
            assertTrue(p >= 0.49 && p <= 0.85, "inside the loop: " + p);
            if (p < last - 0.1) wrapped = true;
            last = p;
            Thread.sleep(10);
        }
        assertTrue(wrapped, "went round the loop");
        assertEquals(PlayerState.PLAYING, player.state());

        player.clearLoop();
        assertEquals(Optional.empty(), player.loop());
        assertThrows(IllegalArgumentException.class, () -> player.setLoop(3.0, 5.0), "loop past the end");
    }

    @Test
    void theEndOfThePieceIsAnnouncedAtItsLastNoteNotAtATrailingEndOfTrack() throws Exception {
        player = Player.silent();
        CountDownLatch ended = new CountDownLatch(1);
        player.addListener(new PlayerListener() {
            @Override
            public void ended() {
                ended.countDown();
            }
        });
        player.load(TestPieces.piece().note(0, 0.3, 60, 100).endOfTrackAt(600).build());
        assertEquals(0.3, player.duration(), 1e-3);
        player.play();
        assertTrue(ended.await(2, TimeUnit.SECONDS), "ended within 2 s");
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
        // Gervill opened on a stream instead of a sound card: what the player sends can be heard by reading it.
        Synthesizer synth = MidiSystem.getSynthesizer();
        AudioInputStream audio = (AudioInputStream) Class.forName("com.sun.media.sound.AudioSynthesizer")
                .getMethod("openStream", AudioFormat.class, Map.class).invoke(synth, WavRenderer.FORMAT, null);
        player = new Player(openSequencer(), () -> synth, null);
        player.load(TestPieces.piece().note(0, 3.0, 69, 110).build());
        player.loadSoundFont(TestPieces.smallSoundFont(dir)); // swapped into the open synthesizer

        player.play();
        assertTrue(player.isAudioOpen());
        Thread.sleep(300);
        assertTrue(rms(audio, 0.2) > 0.01, "the note sounds");
        player.stop();
        Thread.sleep(100);
        audio.skip(4 * 44_100); // let the release fade
        assertTrue(rms(audio, 0.2) < 1e-3, "silent after stop");
        player.close();
        assertFalse(synth.isOpen(), "close releases the synthesizer");
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
