package studio.rondo.ui.player;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import studio.rondo.app.SettingsStore;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;
import studio.rondo.sound.AudioUnavailableException;
import studio.rondo.sound.Player;
import studio.rondo.sound.PlayerListener;
import studio.rondo.sound.PlayerState;
import studio.rondo.sound.SoundFontException;
import studio.rondo.sound.SoundFonts;

/**
 * Playback of one piece for a workspace: play/pause, stop, seek, the playhead for a piano roll to
 * bind to, and a plain-words message when the machine has no audio device (everything else keeps
 * working). Player events arrive on the player's thread and are handed to the FX thread coalesced.
 */
public final class TransportViewModel implements AutoCloseable {
    // Properties
    private final ReadOnlyObjectWrapper<PlayerState> state = new ReadOnlyObjectWrapper<>(PlayerState.STOPPED);
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(null);
    private final ReadOnlyObjectWrapper<double[]> loop = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyStringWrapper soundFontName = new ReadOnlyStringWrapper("built-in sounds");

    private final SettingsStore settings;
    private Player player;
    private volatile double latestPosition;
    private final AtomicBoolean positionPending = new AtomicBoolean();

    public TransportViewModel(SettingsStore settings) {
        this.settings = settings;
    }

    public ReadOnlyObjectProperty<PlayerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Playhead in seconds; NaN when nothing is loaded. */
    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why playback cannot happen, in words; null when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty soundFontNameProperty() {
        return soundFontName.getReadOnlyProperty();
    }

    // Commands

    /** Shows a piece in the transport, stopped at its start (null unloads). */
    public void load(Piece piece) {
        if (piece == null) {
            if (player != null) player.stop();
            loaded.set(false);
            position.set(Double.NaN);
            duration.set(0);
            return;
        }
        if (!ensurePlayer()) return;
        loop.set(null); // a new sequence plays without the old loop
        player.load(MidiWriter.toSequence(piece));
        duration.set(player.duration());
        position.set(0);
        loaded.set(true);
    }

    /** Loads an edited version of the loaded piece, keeping the place (and playing on if it played). */
    public void reload(Piece piece) {
        if (piece == null || !loaded.get() || player == null) {
            load(piece);
            return;
        }
        double at = position.get();
        boolean playing = player.state() == PlayerState.PLAYING;
        double[] looped = loop.get();
        load(piece);
        if (looped != null) setLoop(looped[0], looped[1]);
        if (!Double.isNaN(at) && at > 0) {
            seek(Math.min(at, duration.get()));
            position.set(Math.min(at, duration.get()));
        }
        if (playing) togglePlay();
    }

    public void togglePlay() {
        if (!loaded.get() || !ensurePlayer()) return;
        if (player.state() == PlayerState.PLAYING) {
            player.pause();
            return;
        }
        try {
            player.play();
            problem.set(null);
        } catch (AudioUnavailableException e) {
            problem.set(e.getMessage());
        }
    }

    /** Sounds one key (a click on the roll's keyboard); without audio the problem line says why. */
    public void previewNote(int pitch) {
        if (!ensurePlayer()) return;
        try {
            player.previewNote(pitch, 90, 400);
        } catch (AudioUnavailableException e) {
            problem.set(e.getMessage());
        }
    }

    /** Plays [start, end) seconds over and over; an empty or outside range clears the loop. */
    public void setLoop(double startSeconds, double endSeconds) {
        if (player == null || !loaded.get()) return;
        double end = Math.min(endSeconds, duration.get());
        if (end > startSeconds && startSeconds >= 0) {
            player.setLoop(startSeconds, end);
            loop.set(new double[] {startSeconds, end});
        } else clearLoop();
    }

    public void clearLoop() {
        if (player != null && loaded.get()) player.clearLoop();
        loop.set(null);
    }

    /** The loop range in seconds, or null. */
    public ReadOnlyObjectProperty<double[]> loopProperty() {
        return loop.getReadOnlyProperty();
    }

    public void stop() {
        if (player != null && loaded.get()) player.stop();
    }

    public void seek(double seconds) {
        if (player != null && loaded.get()) player.seek(seconds);
    }

    /** Plays through a SoundFont from now on and remembers it for the next start. */
    public void useSoundFont(Path file) throws SoundFontException {
        if (!ensurePlayer()) return;
        player.loadSoundFont(file);
        SoundFonts.remember(settings, file);
        soundFontName.set(file.getFileName().toString());
    }

    /** Like {@link #useSoundFont}, but a file that does not load is reported in the problem line. */
    public void chooseSoundFont(Path file) {
        try {
            useSoundFont(file);
            problem.set(null);
        } catch (SoundFontException e) {
            problem.set(e.getMessage());
        }
    }

    @Override
    public void close() {
        if (player != null) player.close();
    }

    private boolean ensurePlayer() {
        if (player != null) return true;
        try {
            player = Player.create(settings);
            player.soundFont().ifPresent(f -> soundFontName.set(f.getFileName().toString()));
            player.addListener(new PlayerListener() {
                @Override
                public void stateChanged(PlayerState s) {
                    Platform.runLater(() -> state.set(s));
                }

                @Override
                public void positionChanged(double seconds) {
                    latestPosition = seconds;
                    if (positionPending.compareAndSet(false, true)) Platform.runLater(() -> {
                        positionPending.set(false);
                        position.set(latestPosition);
                    });
                }
            });
            return true;
        } catch (AudioUnavailableException e) {
            problem.set(e.getMessage());
            return false;
        }
    }
}
