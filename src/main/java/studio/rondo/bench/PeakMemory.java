package studio.rondo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from /proc/self/status (Linux): VmHWM is the peak since start,
 * VmRSS the current value; both cover the Java heap and ND4J's off-heap buffers alike. -1 where
 * /proc is missing (macOS, Windows).
 */
public final class PeakMemory {
    private PeakMemory() {
    }

    public static double peakRssMb() {
        return field("VmHWM:");
    }

    public static double rssMb() {
        return field("VmRSS:");
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String kb = line.substring(name.length()).trim().split("\\s+")[0];
                    return Math.round(Long.parseLong(kb) / 1024.0 * 10) / 10.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
