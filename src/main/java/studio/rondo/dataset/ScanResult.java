package studio.rondo.dataset;

import java.time.Duration;
import java.util.List;

/**
 * What a scan produced: one entry per file (readable or not), in the order scanned.
 *
 * @param entries   the entries scanned before the end or the cancel
 * @param cancelled true when the scan stopped early because it was cancelled
 * @param elapsed   wall time of the scan
 */
public record ScanResult(List<CorpusEntry> entries, boolean cancelled, Duration elapsed) {
    public ScanResult {
        entries = List.copyOf(entries);
    }

    public long errors() {
        return entries.stream().filter(e -> !e.ok()).count();
    }
}
