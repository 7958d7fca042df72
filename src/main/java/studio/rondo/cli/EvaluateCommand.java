package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.eval.EvalResult;
import studio.rondo.engine.eval.Evaluation;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.music.Piece;

/** `rondo evaluate`: a model's metrics on MIDI files, with two baselines on the same windows. */
@Command(name = "evaluate", description = "Measure a model on MIDI files: loss per head, top-1/top-5 accuracy and NLL per event "
        + "of the main categorical head, and two baselines on the same windows (repeat the previous step; the training corpus's unigram).")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE|NAME",
            description = "Model file (.zip) written by train, or a bundled model's name (see `rondo models`).")
    String modelArgument;

    Path model;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "DIR|FILE", description = "MIDI files or directories.")
    List<Path> data;

    @Option(names = "--stride", paramLabel = "N", description = "Steps between window starts (default: the training stride).")
    int stride;

    @Option(names = "--held-out", description = "Only the pieces the model held out for validation during training.")
    boolean heldOut;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (stride < 0) throw new CommandLine.ParameterException(spec.commandLine(), "--stride must be 1 or more");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineRuntime.start();
        model = ModelArgument.resolve(modelArgument);
        LoadedModel m;
        try {
            m = ModelStore.load(model);
        } catch (ModelFileException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<Piece> pieces = CorpusLoader.load(data, err);
        Evaluation.Report report;
        try {
            report = Evaluation.run(m, new Evaluation.Request(pieces, stride, heldOut));
        } catch (Evaluation.EvaluationException e) {
            throw new BadInputException(model + ": " + e.getMessage(), e);
        }
        EvalResult r = report.result();
        int seqLen = report.seqLen(), step = report.stride();

        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode n = mapper.valueToTree(r);
            n.put("model", model.toString());
            n.put("preset", report.preset());
            n.put("pieces", report.pieces());
            n.put("seqLen", seqLen);
            n.put("stride", step);
            out.println(n.toString());
        } else {
            out.printf(Locale.ROOT, "%s: %s, %d pieces, %d windows of %d steps (stride %d)%n", model, report.preset(), report.pieces(),
                    r.windows(), seqLen, step);
            StringBuilder heads = new StringBuilder();
            for (Map.Entry<String, Double> h : r.headLoss().entrySet())
                heads.append(heads.length() > 0 ? ", " : "").append(h.getKey()).append(' ').append(String.format(Locale.ROOT, "%.4f", h.getValue()));
            out.printf(Locale.ROOT, "loss %.4f (%s)%n", r.loss(), heads);
            if (r.mainHead() != null) {
                out.printf(Locale.ROOT, "%s top-1 %.2f %%, top-5 %.2f %%; NLL %.4f nats per event%n", r.mainHead(), 100 * r.top1(), 100 * r.top5(), r.nll());
                out.printf(Locale.ROOT, "baselines: repeat previous %s %.2f %%", r.mainHead(), 100 * r.repeatPreviousAccuracy());
                if (r.unigramNll() != null) out.printf(Locale.ROOT, ", training-corpus unigram NLL %.4f nats", r.unigramNll());
                out.println();
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
