package studio.rondo.engine.encoding;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything needed to recreate a (fitted) encoding: its name, its numeric parameters and its
 * vocabularies as plain token lists. A Jackson-friendly record; the model file's {@code rondo.json}
 * stores it, and {@link Encodings#fromSpec} rebuilds the same encoding at generation time.
 *
 * @param name         encoding name, one of {@link Encodings#NAMES}
 * @param parameters   numeric parameters by name (grid, maxima, ...)
 * @param vocabularies token lists by stream name (empty for encodings with fixed vocabularies)
 */
public record EncodingSpec(String name, Map<String, Double> parameters, Map<String, java.util.List<String>> vocabularies) {

    public EncodingSpec {
        Objects.requireNonNull(name);
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        vocabularies = Map.copyOf(vocabularies == null ? Map.of() : vocabularies);
    }

    public double parameter(String key, double fallback) {
        Double v = parameters.get(key);
        return v == null ? fallback : v;
    }

    public int intParameter(String key, int fallback) {
        return (int) Math.round(parameter(key, fallback));
    }

    public Vocabulary vocabulary(String stream) {
        var tokens = vocabularies.get(stream);
        if (tokens == null) throw new IllegalArgumentException("encoding " + name + " has no stored vocabulary '" + stream + "'");
        return Vocabulary.of(tokens);
    }

    /** Parameters in name order, for stable JSON and readable messages. */
    public Map<String, Double> sortedParameters() {
        return new TreeMap<>(parameters);
    }
}
