package studio.rondo.ui.common;

import java.util.function.BiFunction;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * Exact values under the pointer: over a chart's plot, a small label names the nearest point of each
 * series (by x), in the chart's own words ("minibatch 340 · loss 2.31").
 */
public final class ChartHover {
    private ChartHover() {
    }

    /**
     * Wraps {@code chart} in a pane with the hover label.
     *
     * @param describe the text for one series' point: (series name, point)
     */
    public static StackPane install(XYChart<Number, Number> chart, BiFunction<String, XYChart.Data<Number, Number>, String> describe) {
        Label label = new Label();
        label.getStyleClass().add("chart-hover");
        label.setMouseTransparent(true);
        label.setVisible(false);
        label.setManaged(false);
        StackPane pane = new StackPane(chart, label);
        chart.setOnMouseMoved(e -> {
            Node plot = chart.lookup(".chart-plot-background");
            if (plot == null) return;
            Point2D p = plot.sceneToLocal(e.getSceneX(), e.getSceneY());
            if (p.getX() < 0 || p.getY() < 0 || p.getX() > plot.getLayoutBounds().getWidth() || p.getY() > plot.getLayoutBounds().getHeight()) {
                label.setVisible(false);
                return;
            }
            Number x = chart.getXAxis().getValueForDisplay(p.getX());
            StringBuilder text = new StringBuilder();
            for (XYChart.Series<Number, Number> s : chart.getData()) {
                XYChart.Data<Number, Number> nearest = nearest(s, x.doubleValue());
                if (nearest == null) continue;
                if (text.length() > 0) text.append('\n');
                text.append(describe.apply(s.getName(), nearest));
            }
            label.setText(text.toString());
            label.setVisible(text.length() > 0);
            label.autosize();
            Point2D inPane = pane.sceneToLocal(e.getSceneX(), e.getSceneY());
            double lx = Math.min(inPane.getX() + 14, pane.getWidth() - label.getWidth() - 4);
            label.relocate(Math.max(0, lx), Math.max(0, inPane.getY() - label.getHeight() - 6));
        });
        chart.setOnMouseExited(e -> label.setVisible(false));
        return pane;
    }

    /** The point with the x nearest to {@code x}; series are sorted by x. */
    static XYChart.Data<Number, Number> nearest(XYChart.Series<Number, Number> s, double x) {
        var data = s.getData();
        if (data.isEmpty()) return null;
        int lo = 0, hi = data.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (data.get(mid).getXValue().doubleValue() < x) lo = mid + 1;
            else hi = mid;
        }
        if (lo > 0 && Math.abs(data.get(lo - 1).getXValue().doubleValue() - x) < Math.abs(data.get(lo).getXValue().doubleValue() - x)) lo--;
        return data.get(lo);
    }
}
