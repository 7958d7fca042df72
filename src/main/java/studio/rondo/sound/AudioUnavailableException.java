package studio.rondo.sound;

/**
 * The machine cannot play sound (no audio output device, or no MIDI sequencer). Playback is off;
 * everything else, WAV export included, keeps working. The message is meant for the user.
 */
public class AudioUnavailableException extends Exception {
    public AudioUnavailableException(String reason, Throwable cause) {
        super("No audio output device is available (" + reason + "). Playback is off; export to WAV still works.", cause);
    }
}
