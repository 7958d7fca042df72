package studio.rondo.ui.shell;

/** Where the learning engine's native backend is in its start. */
public enum EngineState {
    LOADING, READY, FAILED
}
