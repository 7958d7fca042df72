package studio.rondo.engine.preset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.preset.chordtokens.ChordTokensPreset;
import studio.rondo.engine.preset.performance.PerformancePreset;
import studio.rondo.engine.preset.pitchstepduration.PitchStepDurationPreset;
import studio.rondo.engine.preset.tftutorial.TfTutorialPreset;
import studio.rondo.engine.preset.threestream.ThreeStreamPreset;
import studio.rondo.engine.preset.velocityaware.VelocityAwarePreset;

/** The registry: every preset the studio offers, in the order it shows them. Adding a preset is one folder and one line here. */
public final class Presets {
    public static final Preset TF_TUTORIAL = new TfTutorialPreset();
    public static final Preset PITCH_STEP_DURATION = new PitchStepDurationPreset();
    public static final Preset VELOCITY_AWARE = new VelocityAwarePreset();
    public static final Preset THREE_STREAM = new ThreeStreamPreset();
    public static final Preset CHORD_TOKENS = new ChordTokensPreset();
    public static final Preset PERFORMANCE = new PerformancePreset();

    private static final List<Preset> ALL = List.of(TF_TUTORIAL, PITCH_STEP_DURATION, VELOCITY_AWARE, THREE_STREAM, CHORD_TOKENS, PERFORMANCE);

    private Presets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    public static Optional<Preset> byId(String id) {
        if (id == null) return Optional.empty();
        String key = id.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.id().equals(key)).findFirst();
    }

    /** The preset of this id, or an exception naming the known ones. */
    public static Preset require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown preset '" + id + "'; known: " + ids()));
    }

    public static String ids() {
        return String.join(", ", ALL.stream().map(Preset::id).toList());
    }
}
