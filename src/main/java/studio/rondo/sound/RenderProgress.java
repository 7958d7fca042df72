package studio.rondo.sound;

/** Progress of a WAV render, called on the rendering thread about once per second of audio. */
@FunctionalInterface
public interface RenderProgress {
    void rendered(double secondsDone, double secondsTotal);

    static RenderProgress none() {
        return (done, total) -> {
        };
    }
}
