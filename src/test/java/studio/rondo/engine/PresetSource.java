package studio.rondo.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;
import org.junit.jupiter.params.support.AnnotationConsumer;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.preset.Presets;

/** Runs a parameterized test once per registered preset, or per named one ({@code names = {"PITCH_STEP_DURATION"}}). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ArgumentsSource(PresetSource.Provider.class)
public @interface PresetSource {
    /** Registry constant names; empty for all presets. */
    String[] names() default {};

    final class Provider implements ArgumentsProvider, AnnotationConsumer<PresetSource> {
        private String[] names;

        @Override
        public void accept(PresetSource source) {
            names = source.names();
        }

        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            Stream<Preset> presets = names.length == 0 ? Presets.all().stream()
                    : Stream.of(names).map(n -> Presets.require(n.toLowerCase(Locale.ROOT).replace('_', '-')));
            return presets.map(Arguments::of);
        }
    }
}
