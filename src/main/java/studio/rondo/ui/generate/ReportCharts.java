package studio.rondo.ui.generate;

import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The Report's small charts, drawn on canvases that follow their region's size. */
final class ReportCharts {
    static final Color CORPUS = Color.web("#aab3c5");
    static final Color VARIATION = Color.web("#3d6fd6");
    static final Color TEXT = Color.web("#4a5365");
    static final Color GOOD = Color.web("#2e9e6b");
    static final Color FAIR = Color.web("#d49a1f");
    static final Color POOR = Color.web("#d0553a");

    private ReportCharts() {
    }

    /** A region holding one canvas that is redrawn whenever the region is resized. */
    abstract static class CanvasChart extends Region {
        private final Canvas canvas = new Canvas();

        CanvasChart(double prefHeight) {
            getChildren().add(canvas);
            setPrefHeight(prefHeight);
            setMinHeight(prefHeight);
            setPrefWidth(300);
            setMinWidth(40);
        }

        @Override
        protected void layoutChildren() {
            canvas.setWidth(getWidth());
            canvas.setHeight(getHeight());
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, getWidth(), getHeight());
            paint(g, getWidth(), getHeight());
        }

        abstract void paint(GraphicsContext g, double w, double h);
    }

    /** Two histograms side by side, bin by bin: the corpus's mean (grey) and the variation's (blue). */
    static final class Histograms extends CanvasChart {
        private final List<String> bins;
        private final double[] corpus;
        private final double[] variation;

        Histograms(List<String> bins, double[] corpus, double[] variation) {
            super(92);
            this.bins = bins;
            this.corpus = corpus;
            this.variation = variation;
        }

        @Override
        void paint(GraphicsContext g, double w, double h) {
            double labels = 14, top = 4, plot = h - labels - top;
            double max = 1e-9;
            for (int i = 0; i < bins.size(); i++) max = Math.max(max, Math.max(value(corpus, i), value(variation, i)));
            double slot = w / bins.size(), bar = Math.max(1, (slot - 4) / 2);
            g.setFont(Font.font(9));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            for (int i = 0; i < bins.size(); i++) {
                double x = i * slot + 2;
                double hc = plot * value(corpus, i) / max, hv = plot * value(variation, i) / max;
                g.setFill(CORPUS);
                g.fillRect(x, top + plot - hc, bar, hc);
                g.setFill(VARIATION);
                g.fillRect(x + bar, top + plot - hv, bar, hv);
                g.setFill(TEXT);
                g.fillText(bins.get(i), x + bar, top + plot + 2);
            }
            g.setStroke(Color.web("#d5d9e2"));
            g.strokeLine(0, top + plot + 0.5, w, top + plot + 0.5);
        }

        private static double value(double[] a, int i) {
            return a == null || !Double.isFinite(a[i]) ? 0 : a[i];
        }
    }

    /**
     * Where one value sits in the corpus: the corpus's 10–90 % range as a light band, its middle half
     * as a darker one with the median, and the variation's value as a dot.
     */
    static final class RangeStrip extends CanvasChart {
        private final double p10, p25, p50, p75, p90, value;

        RangeStrip(double p10, double p25, double p50, double p75, double p90, double value) {
            super(14);
            this.p10 = p10;
            this.p25 = p25;
            this.p50 = p50;
            this.p75 = p75;
            this.p90 = p90;
            this.value = value;
        }

        @Override
        void paint(GraphicsContext g, double w, double h) {
            double lo = Math.min(p10, Double.isFinite(value) ? value : p10), hi = Math.max(p90, Double.isFinite(value) ? value : p90);
            double pad = (hi - lo) * 0.08 + 1e-9;
            lo -= pad;
            hi += pad;
            double span = hi - lo;
            double mid = h / 2;
            g.setFill(Color.web("#e3e7ef"));
            g.fillRoundRect(x(p10, lo, span, w), mid - 3, x(p90, lo, span, w) - x(p10, lo, span, w), 6, 6, 6);
            g.setFill(CORPUS);
            g.fillRoundRect(x(p25, lo, span, w), mid - 4, Math.max(2, x(p75, lo, span, w) - x(p25, lo, span, w)), 8, 4, 4);
            g.setStroke(TEXT);
            double xm = Math.floor(x(p50, lo, span, w)) + 0.5;
            g.strokeLine(xm, mid - 5, xm, mid + 5);
            if (Double.isFinite(value)) {
                boolean inside = value >= p10 && value <= p90;
                g.setFill(inside ? VARIATION : POOR);
                double xv = x(value, lo, span, w);
                g.fillOval(xv - 5, mid - 5, 10, 10);
            }
        }

        private static double x(double v, double lo, double span, double w) {
            return 6 + (w - 12) * (v - lo) / span;
        }
    }

    /** A horizontal bar from 0 to 1: how much a feature's densities overlap, green when close to 1. */
    static final class OverlapBar extends CanvasChart {
        private final double overlap;

        OverlapBar(double overlap) {
            super(12);
            this.overlap = overlap;
        }

        @Override
        void paint(GraphicsContext g, double w, double h) {
            g.setFill(Color.web("#e3e7ef"));
            g.fillRoundRect(0, 2, w, h - 4, 6, 6);
            if (!Double.isFinite(overlap)) return;
            g.setFill(colour(overlap));
            g.fillRoundRect(0, 2, Math.max(3, w * overlap), h - 4, 6, 6);
        }
    }

    static Color colour(double overlap) {
        return overlap >= 0.85 ? GOOD : overlap >= 0.6 ? FAIR : POOR;
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.0f %%", 100 * share) : "-";
    }
}
