package studio.rondo.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the studio keeps its settings and data on each operating system. The system property
 * {@code rondo.home} overrides it (tests, portable installs).
 */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path dataDir() {
        String override = System.getProperty("rondo.home");
        if (override != null && !override.isBlank()) return Path.of(override);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Rondo Studio");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "Rondo Studio");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("rondo-studio");
    }

    /**
     * Where large files that can be made again go (the unpacked native libraries): the platform's
     * cache folder, so backups and roaming profiles skip them.
     */
    public static Path cacheDir() {
        String override = System.getProperty("rondo.home");
        if (override != null && !override.isBlank()) return Path.of(override, "cache");
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "Rondo Studio", "cache");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Caches", "Rondo Studio");
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("rondo-studio");
    }

    public static Path settingsFile() {
        return dataDir().resolve("settings.json");
    }
}
