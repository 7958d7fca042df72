package studio.rondo.cli;

import java.util.Locale;

/** Small number formats shared by the commands. */
final class Format {
    private Format() {
    }

    /** 1234567 → "1.23M", 45600 → "45.6k". */
    static String count(long n) {
        if (n >= 1_000_000) return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        if (n >= 10_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        return Long.toString(n);
    }

    /**
     * Why a file could not be read, in words and without the file name (the caller names it):
     * "no such file", "permission denied", the MIDI reader's reason.
     */
    static String ioReason(java.io.IOException e, java.nio.file.Path file) {
        if (e instanceof studio.rondo.midi.MidiFormatException m) return m.reason();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) return f.getReason();
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.equals(file.toString())) return "cannot be read (" + e.getClass().getSimpleName() + ")";
        return m.startsWith(file + ": ") ? m.substring(file.toString().length() + 2) : m;
    }

    /** Seconds as "42.1s", "3m05s" or "1h02m". */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "-";
        if (seconds < 60) return String.format(Locale.ROOT, "%.1fs", seconds);
        long s = Math.round(seconds);
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
