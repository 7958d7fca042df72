package studio.rondo.bench;

/**
 * One named benchmark of `rondo bench`. New ones (training, generation) implement this and are
 * added to the list in BenchCommand; `--only NAME` selects by {@link #name()}.
 */
public interface Benchmark {
    /** Short selector name, e.g. "midi". */
    String name();

    /** What it measures, for the help text. */
    String description();

    BenchRecord run(BenchSettings settings) throws Exception;
}
