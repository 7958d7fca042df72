package studio.rondo.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of one benchmark: a name ("midi_read"), its figures in a stable order (printed as
 * one JSON object {"bench": name, ...figures}), and a one-line human summary.
 */
public record BenchRecord(String bench, Map<String, Object> figures, String summary) {
    public BenchRecord {
        figures = new LinkedHashMap<>(figures);
    }
}
