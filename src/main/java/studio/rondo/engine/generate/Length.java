package studio.rondo.engine.generate;

/**
 * How much to generate (not counting the primer): a number of model steps (events), of notes, of
 * seconds or of bars (at the meter and tempo in force where the primer ends; 4/4 at 120 bpm without
 * one). Generation also stops after {@code maxEvents} steps, so a model whose time never
 * advances cannot run forever; the result then says the length was not reached.
 *
 * @param unit      what {@code amount} counts
 * @param amount    events, notes or bars (whole numbers), or seconds
 * @param maxEvents upper bound on steps generated
 */
public record Length(Unit unit, double amount, int maxEvents) {
    /** The most events or notes one request may ask for (a long piece; far more runs for minutes and fills the memory). */
    public static final int MAX_EVENTS = 100_000;
    public static final int MAX_NOTES = 100_000;
    /** Two hours. */
    public static final double MAX_SECONDS = 2 * 3600;
    public static final int MAX_BARS = 1_000;

    /** A length beyond what one request may ask for; the message says the limit in words. */
    public static final class TooLongException extends IllegalArgumentException {
        TooLongException(String message) {
            super(message);
        }
    }

    public enum Unit {
        /** Model steps: one note (or chord) per step, or one performance event. */
        EVENTS,
        /** Notes started; a chord of three counts three. The output keeps exactly this many. */
        NOTES,
        /** Seconds from the first generated step; notes past the end are cut at it. */
        SECONDS,
        /**
         * Bars, counted from the bar line at or before the join: the continuation fills them to their
         * end (notes past it are cut at it), so the result ends on a bar line.
         */
        BARS
    }

    public Length {
        if (unit == null) throw new IllegalArgumentException("unit is required");
        if (!(amount > 0) || (unit != Unit.SECONDS && amount != Math.rint(amount)))
            throw new IllegalArgumentException("length must be a positive " + (unit == Unit.SECONDS ? "number" : "whole number") + ": " + number(amount));
        if (maxEvents < 1) throw new IllegalArgumentException("maxEvents must be 1 or more: " + maxEvents);
    }

    public static Length events(int n) {
        requireAtMost(n, MAX_EVENTS, "events");
        return new Length(Unit.EVENTS, n, n);
    }

    /** Up to 8 steps per note allowed (performance needs several events per note). */
    public static Length notes(int n) {
        requireAtMost(n, MAX_NOTES, "notes");
        return new Length(Unit.NOTES, n, (int) Math.min(Integer.MAX_VALUE, 8L * n + 64));
    }

    /** Up to 300 steps per second allowed (dense performances run ~100 events per second). */
    public static Length seconds(double s) {
        requireAtMost(s, MAX_SECONDS, "seconds (2 hours)");
        return new Length(Unit.SECONDS, s, (int) Math.min(Integer.MAX_VALUE, Math.ceil(300 * s) + 64));
    }

    /** Up to 300 steps per second at up to 8 s per bar. */
    public static Length bars(int n) {
        requireAtMost(n, MAX_BARS, "bars");
        return new Length(Unit.BARS, n, (int) Math.min(Integer.MAX_VALUE, 2400L * n + 64));
    }

    /** Lengths are checked up front: NaN and infinity count as too long only when positive (the constructor refuses the rest). */
    private static void requireAtMost(double amount, double max, String what) {
        if (amount > max) {
            throw new TooLongException("at most " + number(max) + " " + what + " can be generated at a time, not " + number(amount)
                    + "; generate a longer piece in parts");
        }
    }

    /** 200 as "200", 2.5 as "2.5", 1e7 as "10000000": no ".0" on whole numbers. */
    static String number(double v) {
        if (Double.isFinite(v) && v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    /** This length with bars turned into seconds (bars of {@code barSeconds}, the first one {@code offset} s in). */
    Length inSeconds(double barSeconds, double offset) {
        if (unit != Unit.BARS) return this;
        return new Length(Unit.SECONDS, Math.max(1e-3, amount * barSeconds - offset), maxEvents);
    }

    /** "200 notes", "8 bars". */
    @Override
    public String toString() {
        String what = unit.name().toLowerCase(java.util.Locale.ROOT);
        return (unit == Unit.SECONDS ? number(amount) : Long.toString((long) amount)) + " " + what;
    }

    public Length withMaxEvents(int max) {
        return new Length(unit, amount, max);
    }

    /** Progress towards the length, 0..1. */
    double fraction(int events, int notes, double seconds) {
        double f = switch (unit) {
            case EVENTS -> events / amount;
            case NOTES -> notes / amount;
            case SECONDS, BARS -> seconds / amount;
        };
        return Math.min(1, f);
    }

    boolean reached(int events, int notes, double seconds) {
        return switch (unit) {
            case EVENTS -> events >= amount;
            case NOTES -> notes >= amount;
            case SECONDS, BARS -> seconds >= amount;
        };
    }
}
