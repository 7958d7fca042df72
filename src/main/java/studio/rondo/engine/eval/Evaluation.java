package studio.rondo.engine.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import studio.rondo.engine.EngineContext;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.music.Piece;

/**
 * Measures a model on pieces: every window of the model's length at a stride, the model's losses,
 * top-1/top-5 and NLL of its main head, and the baselines on the same windows. The command line's
 * {@code evaluate} and the studio call this.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /**
     * @param stride       steps between window starts (0 = the stride the model was trained with)
     * @param heldOutOnly  only the pieces the model held out for validation in training
     */
    public record Request(List<Piece> pieces, int stride, boolean heldOutOnly) {
        public Request {
            pieces = List.copyOf(pieces);
            if (stride < 0) throw new IllegalArgumentException("the stride must be 1 or more (0 = the training stride): " + stride);
        }
    }

    /** The figures and what they were measured on. */
    public record Report(EvalResult result, String preset, int pieces, int seqLen, int stride) {
    }

    /** A measurement that cannot be made or means nothing, in words. */
    public static final class EvaluationException extends Exception {
        public EvaluationException(String message) {
            super(message);
        }
    }

    public static Report run(LoadedModel model, Request request) throws EvaluationException {
        return run(EngineContext.shared(), model, request);
    }

    /** Measures on the given context's threads. */
    public static Report run(EngineContext engine, LoadedModel model, Request request) throws EvaluationException {
        engine.start();
        engine.attach(model.network());
        List<Piece> pieces = request.pieces();
        if (request.heldOutOnly()) {
            List<String> heldOut = model.info().corpus() == null ? List.of() : model.info().corpus().validationPieces();
            Set<String> names = new HashSet<>(heldOut);
            pieces = pieces.stream().filter(p -> names.contains(p.name())).toList();
            if (pieces.isEmpty())
                throw new EvaluationException("none of the given pieces was held out by the model (it held out " + names.size() + ")");
        }
        Encoding encoding = model.encoding();
        int seqLen = model.info().hyperparameters().seqLen();
        int stride = request.stride() > 0 ? request.stride() : model.info().training().stride();
        List<EncodedPiece> encoded = new ArrayList<>(pieces.size());
        for (Piece p : pieces) encoded.add(encoding.encode(p));
        List<Window> windows = Window.over(encoded, seqLen, stride);
        if (windows.isEmpty()) throw new EvaluationException("no windows: the pieces are shorter than the model's " + (seqLen + 1) + " steps");
        EvalResult r = new WindowEvaluator(model.network(), model.heads(), new WindowBatches(encoding))
                .evaluate(windows, model.info().hyperparameters().batch(), model.info().unigram());
        if (r.diverged())
            throw new EvaluationException("the model's outputs are not numbers (NaN) on " + r.nonFiniteWindows() + " of " + r.windows()
                    + " windows: it diverged in training; train it again with a lower --lr, or evaluate an earlier checkpoint");
        return new Report(r, model.info().preset(), pieces.size(), seqLen, stride);
    }
}
