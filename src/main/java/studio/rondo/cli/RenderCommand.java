package studio.rondo.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.sound.midi.Sequence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.rondo.app.SettingsStore;
import studio.rondo.midi.MidiFormatException;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.MidiWriter;
import studio.rondo.midi.ReadOptions;
import studio.rondo.sound.RenderProgress;
import studio.rondo.sound.SoundFontException;
import studio.rondo.sound.SoundService;
import studio.rondo.sound.WavRenderer;

@Command(name = "render", description = "Render a MIDI file to a WAV file (44.1 kHz, 16-bit, stereo), its peak normalised to -1 dBFS.%n"
        + "Uses --soundfont, else the SoundFont chosen in the studio, else the built-in sounds.")
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.mid", description = "The MIDI file to render.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "Where to write the WAV file.")
    Path output;

    @Option(names = "--soundfont", paramLabel = "FILE.sf2", description = "A SoundFont to play the piece with.")
    Path soundFontFile;

    @Option(names = "--no-normalize", description = "Keep the synthesizer's level (default: scaled so the loudest peak is at -1 dBFS).")
    boolean noNormalize;

    @Option(names = "--force", description = "Overwrite FILE.wav if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.isDirectory(output))
            throw new BadInputException(output + " is a folder; --out needs a file name such as " + output.resolve("piece.wav"));
        if (Files.exists(output) && !force)
            throw new BadInputException(output + " already exists; add --force to overwrite it");
        long start = System.nanoTime(); // reading, SoundFont and rendering: what the user waits for
        Sequence sequence = readMidi(input);
        SoundService sounds = new SoundService(SettingsStore.standard());
        Path soundFontUsed = soundFontFile != null ? soundFontFile : sounds.chosenFile().orElse(null);
        WavRenderer renderer;
        if (soundFontFile != null) {
            try {
                renderer = sounds.renderer(soundFontFile); // named for this job: it must load
            } catch (SoundFontException e) {
                throw new BadInputException(e.getMessage(), e);
            }
        } else {
            boolean[] broken = new boolean[1];
            renderer = sounds.renderer(problem -> {
                err.println("rondo: " + problem);
                broken[0] = true;
            });
            err.flush();
            if (broken[0]) soundFontUsed = null;
        }

        WavRenderer.Result result = renderer.normalizing(!noNormalize).render(sequence, output, RenderProgress.none(), () -> false);
        double took = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "Wrote %s: %s of audio with %s in %.1f s%s%n", result.file().toAbsolutePath(), minutes(result.seconds()),
                soundFontUsed == null ? "the built-in sounds" : soundFontUsed.getFileName(), took,
                noNormalize ? "" : String.format(Locale.ROOT, ", normalised to -1 dBFS (%+.1f dB)", result.gainDb()));
        out.flush();
        return ExitCodes.OK;
    }

    /** Through the studio's own reader: its errors name the file and the reason, and drums stay audible. */
    private static Sequence readMidi(Path file) {
        if (Files.isDirectory(file)) throw new BadInputException(file + ": is a folder; give one MIDI file to render");
        if (!Files.exists(file)) throw new BadInputException(file + ": no such file");
        try {
            return MidiWriter.toSequence(MidiReader.read(file, ReadOptions.DEFAULT.withKeepDrums(true)));
        } catch (MidiFormatException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException(file + ": " + Format.ioReason(e, file), e);
        }
    }

    private static String minutes(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, (tenths / 10) % 60, tenths % 10);
    }
}
