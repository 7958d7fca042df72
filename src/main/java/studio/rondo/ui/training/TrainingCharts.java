package studio.rondo.ui.training;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import studio.rondo.ui.common.ChartHover;

/**
 * The curves of a run: the loss of every minibatch (smoothed, optionally on a log scale), and per
 * epoch the losses and the validation accuracy, with the curves of models chosen for comparison
 * beside them. Empty charts show what will appear, not made-up axes; hovering shows exact values.
 */
final class TrainingCharts extends VBox {

    TrainingCharts(TrainingViewModel vm) {
        LossCurve curve = vm.lossCurve();
        NumberAxis itX = new NumberAxis();
        itX.setLabel("minibatch");
        itX.setForceZeroInRange(false);
        itX.setMinorTickVisible(false);
        itX.setTickLabelFormatter(wholeNumbers());
        NumberAxis itY = new NumberAxis();
        itY.setLabel("loss");
        itY.setForceZeroInRange(false);
        itY.setTickLabelFormatter(labels(v -> String.format(Locale.ROOT, "%.3g", curve.lossAt(v))));
        LineChart<Number, Number> loss = new LineChart<>(itX, itY);
        loss.setId("training-loss-chart");
        loss.setTitle("Training loss (every minibatch)");
        loss.setCreateSymbols(false);
        loss.setAnimated(false);
        loss.setLegendVisible(false);
        loss.getData().add(new XYChart.Series<>("training loss", curve.drawn()));

        Slider smoothing = new Slider(0, 0.99, curve.smoothingProperty().get());
        smoothing.setId("training-smoothing");
        smoothing.valueProperty().bindBidirectional(curve.smoothingProperty());
        smoothing.setPrefWidth(140);
        smoothing.setTooltip(new Tooltip("Exponential moving average over the minibatches: 0 draws every value as it came"));
        CheckBox log = new CheckBox("Log scale");
        log.setId("training-log-scale");
        log.selectedProperty().bindBidirectional(curve.logScaleProperty());
        HBox lossControls = new HBox(8, new Label("Smoothing"), smoothing, log);
        lossControls.setAlignment(Pos.CENTER_RIGHT);
        lossControls.setPadding(new Insets(0, 12, 0, 0));

        NumberAxis epX = epochAxis();
        NumberAxis epY = new NumberAxis();
        epY.setLabel("loss");
        epY.setForceZeroInRange(false);
        LineChart<Number, Number> epochs = new LineChart<>(epX, epY);
        epochs.setId("training-epoch-chart");
        epochs.setTitle("Loss per epoch");
        epochs.setAnimated(false);
        epochs.setLegendVisible(false); // a legend of our own below: the chart's drops out beside the compared runs
        epochs.getData().add(new XYChart.Series<>("training pieces", vm.epochTrainLoss()));
        epochs.getData().add(new XYChart.Series<>("validation pieces", vm.epochValLoss()));
        follow(epochs, vm.comparedLoss(), 2);

        NumberAxis accX = epochAxis();
        NumberAxis accY = new NumberAxis();
        accY.setLabel("share of notes");
        accY.setForceZeroInRange(false);
        accY.setTickLabelFormatter(labels(v -> String.format(Locale.ROOT, "%.0f %%", 100 * v)));
        LineChart<Number, Number> accuracy = new LineChart<>(accX, accY);
        accuracy.setId("training-accuracy-chart");
        accuracy.setTitle("Next pitch guessed right");
        accuracy.setAnimated(false);
        accuracy.setLegendVisible(false);
        accuracy.getData().add(new XYChart.Series<>("top-1", vm.top1()));
        accuracy.getData().add(new XYChart.Series<>("top-5", vm.top5()));
        follow(accuracy, vm.comparedTop1(), 2);

        StackPane lossPane = placeholder(ChartHover.install(loss, (name, d) -> String.format(Locale.ROOT, "minibatch %d · loss %.4f",
                d.getXValue().longValue(), curve.lossAt(d.getYValue().doubleValue()))), loss,
                "The loss of every minibatch appears here when training starts: it should fall, then flatten.");
        StackPane epochPane = placeholder(ChartHover.install(epochs, (name, d) -> String.format(Locale.ROOT, "%s, epoch %d: %.4f",
                name, d.getXValue().intValue(), d.getYValue().doubleValue())), epochs,
                "After each epoch: the loss on the training pieces and on the validation pieces.");
        StackPane accPane = placeholder(ChartHover.install(accuracy, (name, d) -> String.format(Locale.ROOT, "%s, epoch %d: %.1f %%",
                name, d.getXValue().intValue(), 100 * d.getYValue().doubleValue())), accuracy,
                "After each epoch: how often the model's first (top-1) or five first (top-5) guesses for the next pitch are right.");

        VBox epochBox = new VBox(epochPane, legend(epochs)), accBox = new VBox(accPane, legend(accuracy));
        VBox.setVgrow(epochPane, Priority.ALWAYS);
        VBox.setVgrow(accPane, Priority.ALWAYS);
        HBox charts = new HBox(epochBox, accBox);
        HBox.setHgrow(epochBox, Priority.ALWAYS);
        HBox.setHgrow(accBox, Priority.ALWAYS);
        epochBox.setPrefWidth(100);
        accBox.setPrefWidth(100);
        getChildren().addAll(lossPane, lossControls, charts);
        VBox.setVgrow(lossPane, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        setMinHeight(0);
    }

    /** One entry per series, in the series' own colours (the chart's default-colorN style classes), wrapping as needed. */
    private static javafx.scene.layout.FlowPane legend(LineChart<Number, Number> chart) {
        javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(10, 2);
        legend.getStyleClass().add("chart-legend-own");
        legend.setPadding(new Insets(0, 8, 2, 40));
        Runnable rebuild = () -> {
            legend.getChildren().clear();
            for (int i = 0; i < chart.getData().size(); i++) {
                javafx.scene.layout.Region swatch = new javafx.scene.layout.Region();
                swatch.getStyleClass().addAll("chart-line-symbol", "series" + i, "default-color" + (i % 8));
                swatch.setMinSize(10, 10);
                swatch.setMaxSize(10, 10);
                Label name = new Label(chart.getData().get(i).getName(), swatch);
                name.getStyleClass().add("chart-legend-item");
                legend.getChildren().add(name);
            }
        };
        chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> rebuild.run());
        rebuild.run();
        return legend;
    }

    /** Keeps the chart's series after the first {@code fixed} equal to the compared runs' series. */
    private static void follow(LineChart<Number, Number> chart, ObservableList<XYChart.Series<Number, Number>> compared, int fixed) {
        compared.addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> {
            chart.getData().remove(fixed, chart.getData().size());
            chart.getData().addAll(compared);
        });
    }

    /** The chart, or while it has no points, a sentence saying what it will show. */
    private static StackPane placeholder(StackPane withHover, LineChart<Number, Number> chart, String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("chart-placeholder");
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        hint.setMouseTransparent(true);
        javafx.beans.binding.BooleanBinding empty = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> chart.getData().stream().allMatch(s -> s.getData().isEmpty()), chart.getData());
        // Series content changes do not fire on the chart's data list: listen to each series' points too.
        chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> empty.invalidate());
        for (XYChart.Series<Number, Number> s : chart.getData()) s.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> empty.invalidate());
        chart.visibleProperty().bind(empty.not());
        hint.visibleProperty().bind(empty);
        withHover.getChildren().add(hint);
        withHover.setMinHeight(120);
        return withHover;
    }

    private static StringConverter<Number> wholeNumbers() {
        return labels(v -> Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%,d", Math.round(v)) : "");
    }

    /** Axis tick labels written by {@code text}; axes never parse them back. */
    private static StringConverter<Number> labels(java.util.function.DoubleFunction<String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return text.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s.replace(",", "").replace("%", "").trim());
            }
        };
    }

    /** Epochs are whole numbers: label only those ticks. */
    private static NumberAxis epochAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setLabel("epoch");
        axis.setForceZeroInRange(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(wholeNumbers());
        return axis;
    }
}
