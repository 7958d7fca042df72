package studio.rondo.sound;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.Sequence;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import studio.rondo.util.AtomicFiles;

/**
 * Renders a {@link Sequence} to a .wav file (44.1 kHz, 16-bit, stereo) offline, faster than real
 * time, with the Gervill synthesizer that also plays the piece, and the user's SoundFont or the
 * built-in sounds. By default the result is normalised: scaled so its loudest sample peaks at
 * {@value #DEFAULT_PEAK_DBFS} dBFS (quiet pieces come out at a sensible level, loud ones never clip
 * further); {@link #withoutNormalization()} writes the synthesizer's level as it is.
 *
 * <p>Gervill renders into a stream only through its {@code AudioSynthesizer.openStream}, which lives
 * in the unexported package {@code com.sun.media.sound}: it is called reflectively (javac refuses
 * the export with {@code --release 17}) and needs {@value #ADD_EXPORTS} at run time.
 */
public final class WavRenderer {
    public static final float SAMPLE_RATE = 44_100f;
    public static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 2, true, false);
    /** Long enough for piano and string releases to fade after the last note. */
    public static final double DEFAULT_TAIL_SECONDS = 2.0;
    /** Peak of a normalised render, in dB below full scale. */
    public static final double DEFAULT_PEAK_DBFS = -1.0;
    static final String ADD_EXPORTS = "--add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED";

    private static final String AUDIO_SYNTHESIZER = "com.sun.media.sound.AudioSynthesizer";
    private static final int FRAME_BYTES = 4;
    private static final int CHUNK_FRAMES = (int) SAMPLE_RATE; // one second: progress and cancel granularity
    /** Events are handed to the synth this far ahead of the audio being rendered. */
    private static final long LOOKAHEAD_MICROS = 1_000_000;

    /**
     * What was written.
     *
     * @param gainDb gain applied by normalisation (0 when off or for silence)
     */
    public record Result(Path file, double seconds, long frames, double gainDb) {
    }

    private final Soundbank soundFont;
    private final double tailSeconds;
    private final double peakDbfs; // NaN = no normalisation

    /** Renders with the built-in sounds. */
    public WavRenderer() {
        this(null, DEFAULT_TAIL_SECONDS);
    }

    /** @param soundFont the user's SoundFont (see {@link SoundFonts#load}), or null for the built-in sounds */
    public WavRenderer(Soundbank soundFont) {
        this(soundFont, DEFAULT_TAIL_SECONDS);
    }

    public WavRenderer(Soundbank soundFont, double tailSeconds) {
        this(soundFont, tailSeconds, DEFAULT_PEAK_DBFS);
    }

    private WavRenderer(Soundbank soundFont, double tailSeconds, double peakDbfs) {
        if (!(tailSeconds >= 0)) throw new IllegalArgumentException("tail must be 0 or more seconds: " + tailSeconds);
        if (!Double.isNaN(peakDbfs) && !(peakDbfs <= 0 && peakDbfs >= -60))
            throw new IllegalArgumentException("normalisation peak must be -60..0 dBFS: " + peakDbfs);
        this.soundFont = soundFont;
        this.tailSeconds = tailSeconds;
        this.peakDbfs = peakDbfs;
    }

    /** The same renderer writing the synthesizer's level unchanged. */
    public WavRenderer withoutNormalization() {
        return new WavRenderer(soundFont, tailSeconds, Double.NaN);
    }

    /** The same renderer normalising to a peak of {@code dbfs} (e.g. -1). */
    public WavRenderer withNormalization(double dbfs) {
        return new WavRenderer(soundFont, tailSeconds, dbfs);
    }

    /** @param on normalise to {@value #DEFAULT_PEAK_DBFS} dBFS, or not */
    public WavRenderer normalizing(boolean on) {
        return on ? withNormalization(Double.isNaN(peakDbfs) ? DEFAULT_PEAK_DBFS : peakDbfs) : withoutNormalization();
    }

    /** True when renders are normalised. */
    public boolean normalizes() {
        return !Double.isNaN(peakDbfs);
    }

    /** Seconds of audio {@link #render} writes: the piece (to its last note-off) plus the release tail. */
    public double renderedSeconds(Sequence sequence) {
        return SequenceTiming.of(sequence).endSeconds() + tailSeconds;
    }

    /**
     * Renders the sequence into {@code target} through a temporary file, so a failure or a cancel
     * leaves no partial file and an existing target untouched. Overwrites an existing target: the
     * caller decides whether that is wanted. Blocking; seconds for long pieces, so run it off the UI thread.
     *
     * @param cancelRequested polled once per second of audio; cancel also by interrupting the thread
     * @throws CancellationException if cancelled (nothing written)
     * @throws WavExportUnavailableException if this Java runtime cannot render (message says what to do)
     */
    public Result render(Sequence sequence, Path target, RenderProgress progress, BooleanSupplier cancelRequested)
            throws IOException, WavExportUnavailableException {
        SequenceTiming timing = SequenceTiming.of(sequence);
        List<TimedMessage> events = timedEvents(sequence, timing);
        double seconds = renderedSeconds(sequence);
        long totalFrames = Math.round(seconds * SAMPLE_RATE);

        Synthesizer synth = openStreamingSynth();
        Path raw = normalizes() ? Files.createTempFile("rondo-render", ".pcm") : null;
        double gainDb = 0;
        try (AudioInputStream audio = openStream(synth)) {
            if (soundFont != null && !Instruments.add(synth, soundFont, Instruments.programsOf(sequence)))
                throw new IOException("The synthesizer refused the SoundFont " + soundFont.getName());
            Receiver receiver = synth.getReceiver();
            if (raw == null) {
                AtomicFiles.write(target, out -> {
                    OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                    WavHeader.write(buffered, FORMAT, totalFrames);
                    pump(audio, receiver, events, totalFrames, buffered, progress, cancelRequested);
                    buffered.flush();
                });
            } else {
                // Two passes: render to a scratch file while finding the peak, then write it scaled.
                int peak;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 16)) {
                    PeakStream measured = new PeakStream(out);
                    pump(audio, receiver, events, totalFrames, measured, progress, cancelRequested);
                    peak = measured.peak;
                }
                double gain = peak == 0 ? 1 : Math.pow(10, peakDbfs / 20) * 32767.0 / peak;
                gainDb = peak == 0 ? 0 : 20 * Math.log10(gain);
                AtomicFiles.write(target, out -> {
                    OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
                    WavHeader.write(buffered, FORMAT, totalFrames);
                    scale(raw, gain, buffered);
                    buffered.flush();
                });
            }
        } catch (MidiUnavailableException e) {
            throw new IOException("The synthesizer did not open: " + e.getMessage(), e);
        } finally {
            synth.close();
            if (raw != null) Files.deleteIfExists(raw);
        }
        return new Result(target, totalFrames / (double) SAMPLE_RATE, totalFrames, gainDb);
    }

    /** Copies 16-bit little-endian samples, each multiplied by {@code gain} (rounded, kept in range). */
    private static void scale(Path raw, double gain, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(raw)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                for (int i = 0; i + 1 < n; i += 2) {
                    int v = (short) ((buffer[i] & 0xFF) | (buffer[i + 1] << 8));
                    int scaled = (int) Math.max(-32768, Math.min(32767, Math.round(v * gain)));
                    buffer[i] = (byte) scaled;
                    buffer[i + 1] = (byte) (scaled >> 8);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    /** Passes 16-bit little-endian samples through, remembering the largest magnitude. */
    private static final class PeakStream extends java.io.FilterOutputStream {
        int peak;

        PeakStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i + 1 < off + len; i += 2) {
                int v = Math.abs((short) ((b[i] & 0xFF) | (b[i + 1] << 8)));
                if (v > peak) peak = v;
            }
            out.write(b, off, len);
        }
    }

    /** Reads the rendered audio chunk by chunk, handing the synth each event shortly before it sounds. */
    private static void pump(InputStream audio, Receiver receiver, List<TimedMessage> events, long totalFrames,
                             OutputStream out, RenderProgress progress, BooleanSupplier cancelRequested) throws IOException {
        byte[] buffer = new byte[CHUNK_FRAMES * FRAME_BYTES];
        double totalSeconds = totalFrames / (double) SAMPLE_RATE;
        int next = 0;
        long framesDone = 0;
        while (framesDone < totalFrames) {
            if (cancelRequested.getAsBoolean() || Thread.currentThread().isInterrupted())
                throw new CancellationException("WAV export cancelled");
            int frames = (int) Math.min(CHUNK_FRAMES, totalFrames - framesDone);
            long chunkEndMicros = Math.round((framesDone + frames) * 1e6 / SAMPLE_RATE);
            while (next < events.size() && events.get(next).micros < chunkEndMicros + LOOKAHEAD_MICROS) {
                TimedMessage e = events.get(next++);
                // Gervill queues timestamped messages and applies them at that point of its own stream clock.
                receiver.send(e.message, e.micros);
            }
            readFully(audio, buffer, frames * FRAME_BYTES);
            out.write(buffer, 0, frames * FRAME_BYTES);
            framesDone += frames;
            progress.rendered(framesDone / (double) SAMPLE_RATE, totalSeconds);
        }
    }

    private static void readFully(InputStream in, byte[] buffer, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, done, length - done);
            if (n < 0) throw new IOException("The synthesizer stopped producing audio after a partial read");
            done += n;
        }
    }

    record TimedMessage(long micros, MidiMessage message) {
    }

    /** Every playable event of every track, in time order (track order kept within a tick). */
    static List<TimedMessage> timedEvents(Sequence sequence, SequenceTiming timing) {
        record At(long tick, int order, MidiMessage message) {
        }
        List<At> all = new ArrayList<>();
        int order = 0;
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiMessage m = track.get(i).getMessage();
                if (!(m instanceof MetaMessage)) all.add(new At(track.get(i).getTick(), order++, m));
            }
        }
        all.sort(Comparator.comparingLong(At::tick).thenComparingInt(At::order));
        List<TimedMessage> timed = new ArrayList<>(all.size());
        for (At a : all) timed.add(new TimedMessage(Math.round(timing.secondsAt(a.tick) * 1e6), a.message));
        return timed;
    }

    private static Synthesizer openStreamingSynth() throws WavExportUnavailableException {
        Class<?> audioSynth;
        try {
            audioSynth = Class.forName(AUDIO_SYNTHESIZER);
        } catch (ClassNotFoundException e) {
            throw new WavExportUnavailableException("WAV export needs the Gervill synthesizer of OpenJDK, which this Java runtime ("
                    + System.getProperty("java.vendor") + " " + System.getProperty("java.version") + ") lacks", e);
        }
        if (!audioSynth.getModule().isExported(audioSynth.getPackageName(), WavRenderer.class.getModule()))
            throw new WavExportUnavailableException("WAV export needs the Java option " + ADD_EXPORTS
                    + " (the rondo launchers pass it; add it when starting Java by hand)", null);
        try {
            Synthesizer synth = MidiSystem.getSynthesizer();
            if (audioSynth.isInstance(synth)) return synth;
            for (var info : MidiSystem.getMidiDeviceInfo()) {
                var device = MidiSystem.getMidiDevice(info);
                if (audioSynth.isInstance(device)) return (Synthesizer) device;
            }
        } catch (MidiUnavailableException e) {
            throw new WavExportUnavailableException("WAV export found no synthesizer: " + e.getMessage(), e);
        }
        throw new WavExportUnavailableException("WAV export found no synthesizer that can render offline", null);
    }

    /** {@code AudioSynthesizer.openStream(FORMAT, info)}: opens the synth with no audio line; reading the stream renders. */
    private AudioInputStream openStream(Synthesizer synth) throws MidiUnavailableException, WavExportUnavailableException {
        Map<String, Object> info = new HashMap<>();
        info.put("interpolation", "linear");
        info.put("max polyphony", 128); // dense piano textures with pedal steal voices at the default 64
        try {
            Method open = Class.forName(AUDIO_SYNTHESIZER).getMethod("openStream", AudioFormat.class, Map.class);
            return (AudioInputStream) open.invoke(synth, FORMAT, info);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException m) throw m;
            throw new WavExportUnavailableException("WAV export failed to start the synthesizer: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new WavExportUnavailableException("WAV export cannot reach Gervill's renderer (" + e
                    + "); it needs the Java option " + ADD_EXPORTS, e);
        }
    }
}
