package studio.rondo.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import studio.rondo.engine.EngineRuntime;

/** The top command: `rondo [options] COMMAND`. With no command at all, the launcher opens the GUI. */
@Command(name = "rondo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Rondo Studio: train LSTM networks on MIDI files and generate music.%n"
                + "With no arguments the studio window opens.",
        subcommands = {
                PresetsCommand.class,
                InspectCommand.class,
                CorpusCommand.class,
                DownloadCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                GenerateCommand.class,
                MetricsCommand.class,
                ModelsCommand.class,
                RenderCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class RondoCommand implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "More logging, and stack traces on errors.")
    void setVerbose(boolean verbose) {
        this.verbose = verbose;
        if (verbose) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
            ((Logger) LoggerFactory.getLogger("studio.rondo")).setLevel(Level.DEBUG);
        }
    }

    @Option(names = "--threads", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Threads the LSTM splits each batch over (default: all cores, up to 8). ND4J's own small ops always use one.")
    void setThreads(int threads) {
        if (threads < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--threads must be 1 or more, was " + threads);
        EngineRuntime.setThreads(threads);
    }

    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command (see rondo --help)");
    }

    /** Runs the command line and returns the exit code (0 ok, 1 internal, 2 usage, 3 bad input). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        RondoCommand root = new RondoCommand();
        CommandLine cmd = new CommandLine(root);
        addHelpOptions(cmd);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (root.verbose) ex.printStackTrace(e);
            e.println("rondo: " + oneLine(ex));
            e.flush();
            return ex instanceof BadInputException ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL;
        });
        cmd.setParameterExceptionHandler((ex, args1) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            String msg = ex.getMessage();
            // A message that already says where to look ("(see 'rondo presets')") gets no second pointer.
            e.println("rondo: " + msg + (msg != null && msg.contains("(see ") ? "" : " (see 'rondo --help')"));
            e.flush();
            return ExitCodes.USAGE;
        });
        return cmd.execute(args);
    }

    /** `rondo COMMAND --help` works for every command, not only `rondo help COMMAND`. */
    private static void addHelpOptions(CommandLine cmd) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            addHelpOptions(sub); // `rondo models export --help` too
            var spec = sub.getCommandSpec();
            if (spec.optionsMap().containsKey("--help")) continue;
            spec.addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
    }

    /** Whether a word names one of the subcommands (so a folder of that name never shadows it). */
    public static boolean isCommandName(String word) {
        return new CommandLine(new RondoCommand()).getSubcommands().containsKey(word);
    }

    private static String oneLine(Throwable ex) {
        String msg = ex.getMessage();
        if (msg == null || msg.isBlank()) msg = ex.getClass().getSimpleName();
        return msg.replaceAll("\\s*\\R\\s*", " ");
    }
}
