package studio.rondo.cli;

import studio.rondo.engine.preset.Presets;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.eval.EvalResult;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.EngineContext;
import studio.rondo.engine.train.ClusterTraining;
import studio.rondo.engine.train.CorpusSplit;
import studio.rondo.engine.train.TrainingSession;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingDataException;
import studio.rondo.engine.train.TrainingListener;
import studio.rondo.engine.train.TrainingOutputs;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.music.Piece;

/** `rondo train`: trains a preset on MIDI files, one line per epoch, a checkpoint per epoch. */
@Command(name = "train", description = {"Train a preset's network on MIDI files (directories are searched for .mid/.midi).",
        "Writes a checkpoint after every epoch (NAME.checkpoint.zip beside --out); Ctrl-C finishes the minibatch and saves it."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR|FILE", description = {"MIDI files or directories.",
            "With --spark also URIs the cluster's nodes all read (hdfs://, s3a://, file:// on a shared folder)."})
    List<String> data;

    @Option(names = "--preset", required = true, paramLabel = "NAME", description = "One of: tf-tutorial, pitch-step-duration, velocity-aware, three-stream, chord-tokens, performance.")
    String preset;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 10, or as many as --minutes allows).")
    Integer epochs;

    @Option(names = "--minutes", paramLabel = "M", description = {"Time budget: stop after M minutes (evaluate, keep the best weights, save),",
            "annealing the learning rate over the last quarter. 0 = none (default)."})
    double minutes;

    @Option(names = "--targets", paramLabel = "every|last", description = {"Train a target at every step of a window (default for every preset) or, as the",
            "originals did, only after its last step."})
    String targets;

    @Option(names = "--transpose", paramLabel = "K", description = "Augment by random transposition up to ±K semitones (default: the preset's; 0 = off).")
    Integer transpose;

    @Option(names = "--warmup", paramLabel = "N", description = "Minibatches over which the learning rate ramps up (default: the preset's; 0 = off).")
    Integer warmup;

    @Option(names = "--batch", paramLabel = "N", description = "Windows per minibatch (default: the preset's).")
    Integer batch;

    @Option(names = "--seq-len", paramLabel = "N", description = "Steps per window (default: the preset's).")
    Integer seqLen;

    @Option(names = "--hidden", paramLabel = "N", description = "Units per LSTM layer (default: the preset's).")
    Integer hidden;

    @Option(names = "--layers", paramLabel = "N", description = "LSTM layers (default: the preset's).")
    Integer layers;

    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (default: the preset's).")
    Double lr;

    @Option(names = "--val-split", paramLabel = "F", description = "Fraction of pieces held out for validation (default: ${DEFAULT-VALUE}).")
    double valSplit = 0.1;

    @Option(names = "--seed", paramLabel = "N", description = "Seed: the same seed gives the same run (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--patience", paramLabel = "N", description = "Stop after N epochs without improvement and keep the best weights; 0 = off (default: 5, or the resumed run's).")
    Integer patience;

    @Option(names = "--stride", paramLabel = "N", description = "Steps between window starts (default: seq-len / 2 with every-step targets, seq-len / 4 with last-step).")
    int stride;

    @Option(names = "--max-batches", paramLabel = "N", description = "At most N minibatches per epoch; 0 = all (default).")
    int maxBatches;

    @Option(names = "--out", paramLabel = "FILE", description = "Model file to write (default: PRESET.zip).")
    Path out;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue a model or checkpoint (keeps its sizes, seed and split).")
    Path resume;

    @Option(names = "--force", description = {"Replace an existing model at --out (and its checkpoint). Files that are not",
            "Rondo models are never replaced."})
    boolean force;

    @Option(names = "--spark", paramLabel = "MASTER", description = {"Fit the minibatches on an Apache Spark cluster by parameter averaging: local[2],",
            "spark://HOST:7077, or 'submit' for spark-submit's --master. Needs the cluster jar (mvn -Pspark package)."})
    String spark;

    @Option(names = "--json", description = "Print JSON lines: a start event, one per epoch, a summary.")
    boolean json;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        Preset p = Presets.byId(preset).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "unknown preset '" + preset + "' (see 'rondo presets')"));
        TrainingConfig config;
        try {
            Hyperparameters.Builder hb = p.defaults().toBuilder();
            if (batch != null) hb.batch(batch);
            if (seqLen != null) hb.seqLen(seqLen);
            if (hidden != null) hb.hidden(hidden);
            if (layers != null) hb.layers(layers);
            if (lr != null) hb.learningRate(lr);
            if (transpose != null) hb.transpose(transpose);
            if (warmup != null) hb.warmup(warmup);
            if (targets != null) {
                switch (targets.trim().toLowerCase(Locale.ROOT)) {
                    case "every" -> hb.everyStep(true);
                    case "last" -> hb.everyStep(false);
                    default -> throw new IllegalArgumentException("--targets is 'every' or 'last', not '" + targets + "'");
                }
            }
            Path target = out != null ? out : Path.of(p.id() + ".zip");
            // A resumed run keeps its plan (epochs, patience) unless told otherwise; a budget without an
            // epoch count runs until the budget is spent.
            ModelInfo.TrainingSettings plan = resume != null ? resumedPlan(resume) : null;
            int epochCount = epochs != null ? epochs : minutes > 0 ? 100_000 : plan != null ? plan.epochs() : 10;
            int patienceEpochs = patience != null ? patience : plan != null ? plan.patience() : 5;
            config = new TrainingConfig(p, hb.build(), epochCount, valSplit, seed, patienceEpochs, stride, maxBatches, target, null, resume, minutes);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume != null && (batch != null || seqLen != null || hidden != null || layers != null || lr != null
                || targets != null || transpose != null || warmup != null))
            err.println("rondo: --resume continues with the model's own sizes and recipe; --batch, --seq-len, --hidden, --layers, --lr,"
                    + " --targets, --transpose and --warmup are ignored");
        checkOutputs(config); // before the corpus is read and hours are spent
        if (spark == null) for (String d : data)
            if (d.matches("[A-Za-z][A-Za-z0-9+.-]+://.*"))
                throw new BadInputException("--data " + d + ": URIs are read through a cluster's file systems, with --spark; give a path to train here");
        List<Piece> pieces = spark == null ? CorpusLoader.load(data.stream().map(Path::of).toList(), err) : null;
        EngineRuntime.start();

        ClusterTraining.Connection cluster = spark == null ? null : connect(spark, err);
        TrainingSession session;
        try {
            session = cluster == null ? TrainingSession.onCorpus(config, pieces) : onCluster(cluster, config, err);
        } catch (TrainingDataException | ModelFileException e) {
            if (cluster != null) cluster.close();
            throw new BadInputException(e.getMessage(), e);
        } catch (RuntimeException e) {
            if (cluster != null) cluster.close();
            throw e;
        }
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            session.stop(); // Ctrl-C: finish the minibatch, write the checkpoint, then let the JVM exit
            try {
                done.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "rondo-train-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        TrainingResult r;
        try {
            r = session.run(json ? new JsonLines(o) : new TextLines(o));
        } catch (TrainingDataException | ModelFileException e) {
            throw new BadInputException(e.getMessage(), e);
        } finally {
            if (cluster != null) {
                err.println("rondo: spark: " + cluster.costs());
                err.flush();
                cluster.close();
            }
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waits for the latch released above
            }
        }
        summary(o, r);
        o.flush();
        return ExitCodes.OK;
    }

    /**
     * A session on the cluster: the corpus read through the cluster's file systems, split here as
     * locally, and the training files handed to the executors, which read, encode and window them
     * themselves.
     */
    private TrainingSession onCluster(ClusterTraining.Connection cluster, TrainingConfig config, PrintWriter err) throws ModelFileException {
        List<ClusterTraining.CorpusFile> files = CorpusLoader.load(cluster, data, err);
        Map<Piece, ClusterTraining.CorpusFile> fileOf = new IdentityHashMap<>();
        for (ClusterTraining.CorpusFile f : files) fileOf.put(f.piece(), f);
        CorpusSplit split = TrainingSession.splitFor(config, files.stream().map(ClusterTraining.CorpusFile::piece).toList());
        // The augmentation's transpositions: the resumed model's recipe, else this run's.
        int transpose = config.resume() != null ? ModelStore.readInfo(config.resume()).hyperparameters().transpose() : config.hyperparameters().transpose();
        cluster.shareCorpus(split.train().stream().map(fileOf::get).toList(), transpose);
        return new TrainingSession(config, split, EngineContext.shared(), cluster.fitter());
    }

    /** The cluster the minibatches go to, or a message in words when this build cannot reach one. */
    private static ClusterTraining.Connection connect(String master, PrintWriter err) {
        ClusterTraining training = ClusterTraining.installed().orElseThrow(() -> new BadInputException(
                "--spark needs the cluster jar: build it with 'mvn -Pspark package' and run it through spark-submit"
                        + " (README, 'Training on a Spark cluster'); this build trains on this machine only"));
        ClusterTraining.Connection c;
        try {
            c = training.connect(master, "rondo train");
        } catch (RuntimeException e) {
            throw new BadInputException("cannot reach the Spark master " + master + ": " + e.getMessage(), e);
        }
        err.println("rondo: training on " + c.describe());
        err.flush();
        return c;
    }

    /** The model and checkpoint files can be written and replace nothing the user did not ask to replace. */
    private void checkOutputs(TrainingConfig config) {
        try {
            TrainingOutputs.check(config, force);
        } catch (TrainingOutputs.ConflictException e) {
            throw new BadInputException(e.getMessage() + (e.replaceable()
                    ? "; add --force to replace it, --resume " + e.file() + " to continue it, or choose another --out"
                    : "; choose another --out"), e);
        }
    }

    /** The epochs and patience the resumed model was trained towards (null when its file cannot tell). */
    private static ModelInfo.TrainingSettings resumedPlan(Path file) {
        try {
            return ModelStore.readInfo(file).training();
        } catch (ModelFileException e) {
            return null; // the trainer reports the unreadable file with its reason
        }
    }

    private void summary(PrintWriter o, TrainingResult r) {
        List<EpochMetrics> h = r.info().history();
        int best = r.info().progress().bestEpoch();
        EpochMetrics b = best > 0 && best <= h.size() ? h.get(best - 1) : null;
        if (json) {
            ObjectNode n = mapper.createObjectNode();
            n.put("event", "summary");
            n.put("preset", r.info().preset());
            n.put("epochs", h.size());
            n.put("bestEpoch", best);
            if (b != null && b.valLoss() != null) n.put("bestValLoss", b.valLoss());
            n.put("parameters", r.info().parameters());
            n.put("cancelled", r.cancelled());
            n.put("stoppedEarly", r.stoppedEarly());
            if (r.savedTo() != null) n.put("model", r.savedTo().toString());
            if (r.checkpoint() != null) n.put("checkpoint", r.checkpoint().toString());
            o.println(n.toString());
            return;
        }
        String how = r.cancelled() ? "cancelled" : r.stoppedEarly() ? "stopped early" : "done";
        o.printf(Locale.ROOT, "%s: %s, %d epochs, best epoch %d%s; %s parameters%n", r.info().preset(), how, h.size(), best,
                b == null || b.valLoss() == null ? "" : String.format(Locale.ROOT, " (val loss %.4f)", b.valLoss()),
                Format.count(r.info().parameters()));
        if (r.savedTo() != null) o.println("model: " + r.savedTo());
        if (r.checkpoint() != null) o.println("checkpoint: " + r.checkpoint() + (r.cancelled() ? " (continue with --resume)" : ""));
    }

    /** Human-readable progress: a start line and one line per epoch. */
    private static final class TextLines implements TrainingListener {
        private final PrintWriter o;

        TextLines(PrintWriter o) {
            this.o = o;
        }

        @Override
        public void onStart(Start s) {
            o.printf(Locale.ROOT, "training %s (%s parameters, %s) on %d pieces, %d held out; ~%d windows in %d minibatches per epoch%n",
                    s.preset(), Format.count(s.parameters()), EngineRuntime.describe(), s.trainPieces(), s.validationPieces(),
                    s.windowsPerEpoch(), s.batchesPerEpoch());
            o.flush();
        }

        @Override
        public void onEpoch(Epoch e) {
            EpochMetrics m = e.metrics();
            String of = e.epochs() < 100_000 ? "/" + e.epochs() : ""; // a time budget without an epoch count
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d%s  train loss %.4f", m.epoch(), of, m.trainLoss()));
            EvalResult v = e.validation();
            if (v != null) {
                line.append(String.format(Locale.ROOT, "  val loss %.4f (", v.loss()));
                int i = 0;
                for (Map.Entry<String, Double> h : v.headLoss().entrySet())
                    line.append(i++ > 0 ? ", " : "").append(h.getKey()).append(' ').append(String.format(Locale.ROOT, "%.4f", h.getValue()));
                line.append(String.format(Locale.ROOT, ")  %s top-1 %.1f%% top-5 %.1f%%  nll %.3f nats/event",
                        v.mainHead(), 100 * v.top1(), 100 * v.top5(), v.nll()));
            }
            line.append(String.format(Locale.ROOT, "  %.0f windows/s  %s  eta %s%s", m.windowsPerSecond(), Format.duration(m.seconds()),
                    Format.duration(e.etaSeconds()), e.bestEpoch() == m.epoch() ? "  *best" : ""));
            o.println(line);
            o.flush();
        }
    }

    /** One JSON object per line, for scripts. */
    private final class JsonLines implements TrainingListener {
        private final PrintWriter o;

        JsonLines(PrintWriter o) {
            this.o = o;
        }

        @Override
        public void onStart(Start s) {
            ObjectNode n = mapper.valueToTree(s);
            n.put("event", "start");
            o.println(n.toString());
            o.flush();
        }

        @Override
        public void onEpoch(Epoch e) {
            ObjectNode n = mapper.valueToTree(e.metrics());
            n.put("event", "epoch");
            n.put("epochs", e.epochs());
            n.put("bestEpoch", e.bestEpoch());
            n.put("etaSeconds", Math.round(e.etaSeconds() * 10) / 10.0);
            if (e.validation() != null) n.put("valNllUnigram", e.validation().unigramNll());
            o.println(n.toString());
            o.flush();
        }
    }
}
