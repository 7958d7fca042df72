package studio.rondo.cli;

/** Exit codes of the command line, the same for every command (the README lists them). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
