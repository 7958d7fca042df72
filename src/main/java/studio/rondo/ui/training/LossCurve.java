package studio.rondo.ui.training;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The per-minibatch loss: every value as it came ({@link #values()}), and the curve drawn from it,
 * smoothed by an exponential moving average and optionally on a log scale. Changing the smoothing or
 * the scale redraws; it never changes the data. The drawn curve keeps at most {@link #MAX_POINTS}
 * points, evenly spread over the whole run. FX thread only.
 */
public final class LossCurve {
    static final int MAX_POINTS = 1500;

    // Properties
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    private final BooleanProperty logScale = new SimpleBooleanProperty(false);
    private final ObservableList<XYChart.Data<Number, Number>> drawn = FXCollections.observableArrayList();

    private final List<double[]> values = new ArrayList<>(); // {minibatch, loss}
    private double ema = Double.NaN;
    private int drawnStride = 1;
    private boolean tailShown;
    private final List<double[]> smoothed = new ArrayList<>(); // {minibatch, smoothed loss}

    public LossCurve() {
        smoothing.addListener((o, a, b) -> recompute());
        logScale.addListener((o, a, b) -> redraw());
    }

    /** How much of the past each drawn point keeps, 0 (raw) to 0.99 (very smooth). */
    public DoubleProperty smoothingProperty() { return smoothing; }
    /** Draw log10 of the loss (the axis labels show the loss itself). */
    public BooleanProperty logScaleProperty() { return logScale; }
    /** The points the chart draws. */
    public ObservableList<XYChart.Data<Number, Number>> drawn() { return drawn; }

    /** Every loss value as the trainer reported it: {minibatch, loss}. */
    public List<double[]> values() {
        return java.util.Collections.unmodifiableList(values);
    }

    // Commands

    public void add(long minibatch, double loss) {
        values.add(new double[] {minibatch, loss});
        double a = alpha();
        ema = Double.isNaN(ema) ? loss : a * ema + (1 - a) * loss;
        smoothed.add(new double[] {minibatch, ema});
        int s = stride();
        if (s != drawnStride) {
            redraw(); // thin again: the step between drawn points doubles
            return;
        }
        if (tailShown) {
            drawn.remove(drawn.size() - 1);
            tailShown = false;
        }
        boolean onGrid = (smoothed.size() - 1) % s == 0;
        drawn.add(point(minibatch, ema));
        tailShown = !onGrid; // the newest point always shows; off the grid it is replaced by the next
    }

    public void clear() {
        values.clear();
        smoothed.clear();
        ema = Double.NaN;
        drawnStride = 1;
        tailShown = false;
        drawn.clear();
    }

    /** The value the chart shows for a drawn y (undoes the log scale). */
    public double lossAt(double drawnY) {
        return logScale.get() ? Math.pow(10, drawnY) : drawnY;
    }

    // ---- internals

    private double alpha() {
        return Math.max(0, Math.min(0.99, smoothing.get()));
    }

    private void recompute() {
        smoothed.clear();
        ema = Double.NaN;
        double a = alpha();
        for (double[] v : values) {
            ema = Double.isNaN(ema) ? v[1] : a * ema + (1 - a) * v[1];
            smoothed.add(new double[] {v[0], ema});
        }
        redraw();
    }

    private int stride() {
        int s = 1;
        while (smoothed.size() / s > MAX_POINTS) s *= 2;
        return s;
    }

    private void redraw() {
        int s = stride();
        drawnStride = s;
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(smoothed.size() / s + 2);
        for (int i = 0; i < smoothed.size(); i += s) points.add(point(smoothed.get(i)[0], smoothed.get(i)[1]));
        tailShown = !smoothed.isEmpty() && (smoothed.size() - 1) % s != 0;
        if (tailShown) {
            double[] last = smoothed.get(smoothed.size() - 1);
            points.add(point(last[0], last[1])); // the newest point always shows
        }
        drawn.setAll(points);
    }

    private XYChart.Data<Number, Number> point(double x, double loss) {
        double y = logScale.get() ? Math.log10(Math.max(loss, 1e-12)) : loss;
        return new XYChart.Data<>(x, y);
    }
}
