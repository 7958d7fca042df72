package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.store.ModelLibrary;
import studio.rondo.models.BundledModel;
import studio.rondo.models.BundledModels;

/** `rondo models`: the models that ship with the studio; `rondo models export`: a lean copy of a model to ship. */
@Command(name = "models", description = {"List the models that ship with the studio (use their names with generate --model NAME);",
        "with --library, your own models (the studio's models folder, or DIR) with their figures."},
        subcommands = ModelsCommand.Export.class)
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Option(names = "--library", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
            description = "List the models of a library folder (default: the studio's models folder, where the Training workspace saves).")
    String library;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (library != null) return listLibrary(out);
        List<BundledModel> models = BundledModels.list();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode arr = mapper.createArrayNode();
            for (BundledModel m : models) {
                ObjectNode o = arr.addObject();
                o.put("name", m.name());
                o.put("title", m.title());
                o.put("description", m.description());
                o.put("preset", m.preset());
                o.put("hidden", m.info().hyperparameters().hidden());
                o.put("layers", m.info().hyperparameters().layers());
                o.put("parameters", m.parameters());
                o.put("epochs", m.info().history() == null ? 0 : m.info().history().size());
                o.put("file", m.file().toString());
                o.put("bytes", Files.size(m.file()));
                o.put("license", m.license());
                o.put("default", m.isDefault());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else if (models.isEmpty()) {
            out.println("No bundled models found (looked for " + BundledModels.INDEX + " in "
                    + String.join(", ", BundledModels.directoryCandidates()) + ").");
        } else {
            for (BundledModel m : models) {
                out.printf(Locale.ROOT, "%s%s  %s%n", m.name(), m.isDefault() ? " (default)" : "", m.title());
                out.println("  " + m.description());
                out.printf(Locale.ROOT, "  preset %s, %,d parameters, %s (%.1f MB)%n", m.preset(), m.parameters(), m.file(),
                        Files.size(m.file()) / 1e6);
                out.println("  license: " + m.license());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The models folder as the Training workspace's library shows it. */
    private int listLibrary(PrintWriter out) throws java.io.IOException {
        java.nio.file.Path dir = library.isEmpty() ? studio.rondo.app.SettingsStore.standard().file().toAbsolutePath().getParent().resolve("models")
                : java.nio.file.Path.of(library);
        if (!library.isEmpty() && !Files.isDirectory(dir)) throw new BadInputException(dir + ": no such folder");
        List<ModelLibrary.Entry> entries = new ModelLibrary(dir).list();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode arr = mapper.createArrayNode();
            for (ModelLibrary.Entry e : entries) {
                ObjectNode o = arr.addObject();
                o.put("name", e.name());
                o.put("file", e.file().toString());
                o.put("stopped", e.stopped());
                o.put("bytes", e.bytes());
                o.put("modified", e.modified().toString());
                if (!e.readable()) {
                    o.put("problem", e.problem());
                    continue;
                }
                o.put("preset", e.info().preset());
                o.put("hidden", e.info().hyperparameters().hidden());
                o.put("layers", e.info().hyperparameters().layers());
                o.put("epochs", e.epochs());
                e.best().ifPresent(m -> {
                    o.put("bestEpoch", m.epoch());
                    o.put("bestValNll", m.valNll());
                    if (m.valTop1() != null) o.put("bestValTop1", m.valTop1());
                });
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else if (entries.isEmpty()) {
            out.println("No models in " + dir + " yet: train one (rondo train, or the Training workspace).");
        } else {
            for (ModelLibrary.Entry e : entries) {
                if (!e.readable()) {
                    out.printf(Locale.ROOT, "%s  unreadable: %s%n", e.name(), e.problem());
                    continue;
                }
                out.printf(Locale.ROOT, "%s%s  %s %s, %d epochs%s; %s; %.1f MB%n", e.name(), e.stopped() ? " (stopped)" : "", e.info().preset(),
                        e.sizes(), e.epochs(), e.best().map(m -> String.format(Locale.ROOT, ", best NLL %.3f (top-1 %.1f %%) at epoch %d",
                                m.valNll(), m.valTop1() == null ? 0 : 100 * m.valTop1(), m.epoch())).orElse(""), e.corpus(), e.bytes() / 1e6);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "export", description = "Write a lean copy of a model for shipping: the same network and metadata without the "
            + "optimizer state (Adam's is twice the size of the weights). It generates and evaluates the same; training it further starts a fresh optimizer.")
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN", description = "Model file (.zip) written by train.")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT", description = "Lean model file to write.")
        Path out;

        @Option(names = "--lean", description = "Leave out the optimizer state (the default; the only kind of export).")
        boolean lean = true;

        @Option(names = "--force", description = "Overwrite OUT if it exists.")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out) && !force) throw new BadInputException(out + " exists; use --force to overwrite");
            if (Files.exists(out) && Files.isSameFile(in, out)) throw new BadInputException("IN and OUT are the same file");
            long dropped;
            try {
                dropped = ModelStore.writeLean(in, out);
            } catch (ModelFileException e) {
                throw new BadInputException(e.getMessage(), e);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "%s: %.2f MB (%s %.2f MB, optimizer state %.2f MB left out)%n", out, Files.size(out) / 1e6,
                    in.getFileName(), Files.size(in) / 1e6, dropped / 1e6);
            o.flush();
            return ExitCodes.OK;
        }
    }
}
