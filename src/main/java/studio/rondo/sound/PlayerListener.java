package studio.rondo.sound;

/**
 * Hears what the {@link Player} does. All calls come, in order, from the player's own event
 * thread (never the caller's, never under the player's lock): a UI hops to its thread itself.
 */
public interface PlayerListener {
    default void stateChanged(PlayerState state) {
    }

    /** The playhead moved: about 25 times a second while playing, and after every seek or stop. */
    default void positionChanged(double seconds) {
    }

    /** The piece played to its end (not called for stop(), nor while a loop is set). */
    default void ended() {
    }
}
