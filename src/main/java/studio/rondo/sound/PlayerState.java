package studio.rondo.sound;

/** Transport state of the {@link Player}. */
public enum PlayerState {
    STOPPED, PLAYING, PAUSED
}
