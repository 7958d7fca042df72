package studio.rondo.ui.generate;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import studio.rondo.engine.eval.metrics.Feature;
import studio.rondo.engine.eval.metrics.FeatureComparison;
import studio.rondo.engine.eval.metrics.Originality;
import studio.rondo.engine.eval.metrics.PieceFeatures;
import studio.rondo.engine.eval.metrics.ReferenceSet;
import studio.rondo.engine.eval.metrics.SetComparison;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.ui.generate.ReportViewModel.Report;
import studio.rondo.ui.generate.ReportViewModel.VariationReport;

/**
 * The Report: the selected variation against the corpus (its key, what it copied, pitch classes and
 * note lengths beside the corpus's, where each measure sits in the corpus), then the whole set of
 * variations against the corpus. Rebuilt when the report or the selected variation changes.
 */
final class ReportView extends ScrollPane {
    private final ReportViewModel vm;
    private final ObservableValue<GenerationResult> selected;
    private final Consumer<VariationReport> showCopy;
    private final VBox content = new VBox(8);

    /** @param showCopy shows a variation's copied run in the piano roll */
    ReportView(ReportViewModel vm, ObservableValue<GenerationResult> selected, Consumer<VariationReport> showCopy) {
        this.vm = vm;
        this.selected = selected;
        this.showCopy = showCopy;
        setId("generate-report");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setMinWidth(330);
        setPrefWidth(370);
        content.setPadding(new Insets(10, 12, 12, 12));
        content.getStyleClass().add("report");
        setContent(content);
        vm.reportProperty().addListener((o, a, b) -> rebuild());
        vm.statusProperty().addListener((o, a, b) -> rebuild());
        vm.busyProperty().addListener((o, a, b) -> rebuild());
        selected.addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        content.getChildren().clear();
        Label title = new Label("Report");
        title.getStyleClass().add("report-title");
        HBox head = new HBox(8, title);
        head.setAlignment(Pos.CENTER_LEFT);
        if (vm.busyProperty().get()) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(16, 16);
            head.getChildren().add(spinner);
        }
        Label status = wrapped(vm.statusProperty().get());
        status.setId("report-status");
        status.getStyleClass().add("report-note");
        content.getChildren().addAll(head, status);
        Report r = vm.reportProperty().get();
        if (r == null) return;
        VariationReport v = selected.getValue() == null ? null : r.of(selected.getValue());
        if (v == null && !r.variations().isEmpty()) v = r.variations().get(0);
        if (v != null) variation(r, v);
        set(r);
    }

    private void variation(Report r, VariationReport v) {
        ReferenceSet ref = r.reference().reference();
        PieceFeatures f = v.features();
        Originality o = v.originality();
        content.getChildren().add(section("Variation " + (v.result().variation() + 1)
                + (f.key() == null ? "" : " · " + f.key().name()) + String.format(Locale.ROOT, " · %d notes", f.notes())));

        Label copied = wrapped(ReportViewModel.originalityLine(o));
        copied.setId("report-originality");
        copied.setGraphic(new FontIcon(v.warning() ? MaterialDesignA.ALERT : o.longestRun() == 0 ? MaterialDesignC.CHECK_CIRCLE_OUTLINE
                : MaterialDesignM.MUSIC_NOTE_OUTLINE));
        copied.getStyleClass().add(v.warning() ? "report-warning" : "report-line");
        if (v.warning())
            copied.setTooltip(new Tooltip("A run of " + ReportViewModel.WARN_RUN + " notes or more found in one corpus piece, transposition "
                    + "aside: listen to it side by side with the source before you use it."));
        Button show = new Button("Show in piano roll", new FontIcon(MaterialDesignM.MAGNIFY));
        show.setId("report-show-copy");
        show.setDisable(o.longestRun() == 0);
        show.setOnAction(e -> showCopy.accept(v));
        Label shared = wrapped(ReportViewModel.sharedLine(o));
        shared.getStyleClass().add("report-note");
        content.getChildren().addAll(copied, show, shared);

        content.getChildren().add(chartTitle("Pitch classes"));
        content.getChildren().add(new ReportCharts.Histograms(Feature.PITCH_CLASSES, ref.meanHistogram(Feature.PITCH_CLASS_HISTOGRAM),
                f.has(Feature.PITCH_CLASS_HISTOGRAM) ? f.vector(Feature.PITCH_CLASS_HISTOGRAM) : null));
        content.getChildren().add(chartTitle("Note lengths"));
        content.getChildren().add(new ReportCharts.Histograms(Feature.NOTE_LENGTHS, ref.meanHistogram(Feature.NOTE_LENGTH_HISTOGRAM),
                f.has(Feature.NOTE_LENGTH_HISTOGRAM) ? f.vector(Feature.NOTE_LENGTH_HISTOGRAM) : null));

        GridPane grid = grid();
        int row = 0;
        for (Feature feature : Feature.scalars()) {
            if (!ref.has(feature)) continue;
            double value = f.has(feature) ? f.value(feature) : Double.NaN;
            Label name = new Label(shortLabel(feature));
            name.getStyleClass().add("report-note");
            name.setTooltip(new Tooltip(feature.label() + (feature.unit().isEmpty() ? "" : ", " + feature.unit())));
            Label val = new Label(feature.format(value));
            val.getStyleClass().add("report-value");
            ReportCharts.RangeStrip strip = new ReportCharts.RangeStrip(ref.quantile(feature, 0.1), ref.quantile(feature, 0.25),
                    ref.quantile(feature, 0.5), ref.quantile(feature, 0.75), ref.quantile(feature, 0.9), value);
            Tooltip.install(strip, new Tooltip(String.format(Locale.ROOT, "Corpus: middle half %s to %s, 10–90 %% from %s to %s; "
                            + "this variation %s (above %s of the corpus pieces)", feature.format(ref.quantile(feature, 0.25)),
                    feature.format(ref.quantile(feature, 0.75)), feature.format(ref.quantile(feature, 0.1)), feature.format(ref.quantile(feature, 0.9)),
                    feature.format(value), ReportCharts.percent(ref.percentileOf(feature, value)))));
            grid.addRow(row++, name, val, strip);
        }
        Label legend = wrapped("Where this variation sits in the corpus: the dot is the variation (red outside the corpus's 10–90 %), "
                + "the dark band the corpus's middle half, the tick its median.");
        legend.getStyleClass().add("report-note");
        content.getChildren().addAll(chartTitle("Against the corpus"), legend, grid);
    }

    private void set(Report r) {
        SetComparison s = r.set();
        double overlap = s.meanOverlap();
        content.getChildren().add(section("All " + r.variations().size() + (r.variations().size() == 1 ? " variation" : " variations")
                + " against the corpus"));
        Label summary = wrapped(String.format(Locale.ROOT, "Mean overlap %.2f: %s.", overlap, ReportViewModel.overlapWords(overlap)));
        summary.setId("report-set-overlap");
        summary.getStyleClass().add("report-line");
        double share = r.variations().stream().mapToDouble(v -> v.originality().shareFound()).filter(Double::isFinite).average().orElse(Double.NaN);
        int longest = r.variations().stream().mapToInt(v -> v.originality().longestRun()).max().orElse(0);
        Label copy = wrapped(String.format(Locale.ROOT, "%s of their 8-note interval sequences occur in the corpus; the longest copied run "
                + "has %d notes.", ReportCharts.percent(share), longest));
        copy.getStyleClass().add("report-note");
        content.getChildren().addAll(summary, copy);
        GridPane grid = grid();
        int row = 0;
        for (FeatureComparison c : s.features()) {
            Label name = new Label(shortLabel(c.feature()));
            name.getStyleClass().add("report-note");
            name.setTooltip(new Tooltip(c.feature().label()));
            Label val = new Label(Double.isFinite(c.overlap()) ? String.format(Locale.ROOT, "%.2f", c.overlap()) : "-");
            val.getStyleClass().add("report-value");
            ReportCharts.OverlapBar bar = new ReportCharts.OverlapBar(c.overlap());
            Tooltip.install(bar, new Tooltip(String.format(Locale.ROOT, "Overlap %.2f, KL %.3f: mean distance from a variation to a corpus piece "
                    + "%.3f, between two corpus pieces %.3f", c.overlap(), c.kl(), c.inter(), c.intraReference())));
            grid.addRow(row++, name, val, bar);
        }
        content.getChildren().add(grid);
        Label timing = wrapped(String.format(Locale.ROOT, "Corpus measured once in %.0f ms; these variations in %.0f ms.",
                r.reference().buildMillis(), r.millis()));
        timing.getStyleClass().add("report-note");
        content.getChildren().add(timing);
    }

    /** Names short enough to leave the charts room. */
    static String shortLabel(Feature f) {
        return switch (f) {
            case DISTINCT_PITCHES -> "Pitches used";
            case PITCH_RANGE -> "Range (semitones)";
            case MEAN_INTERVAL -> "Mean interval (st)";
            case NOTES_PER_10S -> "Notes per 10 s";
            case MEAN_IOI -> "Onset gap (s)";
            case POLYPHONY -> "Polyphony";
            case SCALE_CONSISTENCY -> "Scale fit";
            case PITCH_CLASS_ENTROPY -> "Entropy (bits)";
            case PITCH_CLASS_HISTOGRAM -> "Pitch classes";
            case NOTE_LENGTH_HISTOGRAM -> "Note lengths";
        };
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(3);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints chart = new ColumnConstraints();
        chart.setHgrow(Priority.ALWAYS);
        chart.setFillWidth(true);
        grid.getColumnConstraints().addAll(name, value, chart);
        return grid;
    }

    private static VBox section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("report-section");
        VBox box = new VBox(4, new Separator(), l);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    private static HBox chartTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("report-chart-title");
        HBox box = new HBox(6, l);
        box.setAlignment(Pos.CENTER_LEFT);
        if (text.equals("Pitch classes") || text.equals("Note lengths")) {
            HBox.setHgrow(l, Priority.ALWAYS);
            l.setMaxWidth(Double.MAX_VALUE);
            box.getChildren().addAll(swatch(ReportCharts.CORPUS), new Label("corpus"), swatch(ReportCharts.VARIATION), new Label("variation"));
            box.getChildren().stream().skip(1).forEach(n -> n.getStyleClass().add("report-note"));
        }
        return box;
    }

    private static Rectangle swatch(javafx.scene.paint.Color c) {
        Rectangle r = new Rectangle(9, 9, c);
        return r;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
