package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.Pitches;

/** `rondo inspect FILE|DIR...`: what the studio reads from MIDI files, one entry per file. */
@Command(name = "inspect", description = "Show what the studio reads from MIDI files (directories are searched for .mid/.midi).")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "MIDI files or directories.")
    List<Path> inputs;

    @Option(names = "--json", description = "Print a JSON array, one object per file (bad files with an \"error\" field).")
    boolean json;

    @Option(names = "--drums", description = "Keep drum notes (channel 10), skipped by default.")
    boolean drums;

    @Option(names = "--pedal", description = "Hold notes while the sustain pedal is down.")
    boolean pedal;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<MidiImport.Result> results = MidiImport.readAll(inputs,
                ReadOptions.DEFAULT.withKeepDrums(drums).withExtendNotesWithPedal(pedal));
        if (results.isEmpty()) throw new BadInputException("no .mid or .midi files found in " + inputs);
        int bad = 0;
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode arr = mapper.createArrayNode();
            for (MidiImport.Result r : results) {
                ObjectNode o = arr.addObject();
                o.put("file", r.file().toString());
                if (r.ok()) describe(r.piece(), o);
                else o.put("error", r.error());
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else {
            for (MidiImport.Result r : results) {
                if (r.ok()) printSummary(r.file(), r.piece(), out);
            }
        }
        for (MidiImport.Result r : results) {
            if (!r.ok()) {
                bad++;
                err.println("rondo: skipped " + r.error());
            }
        }
        out.flush();
        err.flush();
        if (bad > 0) {
            err.println("rondo: " + bad + " of " + results.size() + " files could not be read");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.OK;
    }

    private static void printSummary(Path file, Piece p, PrintWriter out) {
        out.println(file);
        out.printf(Locale.ROOT, "  format %d, %s, %d ticks per quarter, %s%n", p.metadata().format(),
                count(p.metadata().trackNames().size(), "track"), p.resolution(), count(p.tempoMap().size(), "tempo event"));
        List<Integer> channels = channels(p);
        out.printf(Locale.ROOT, "  %s, %.1f s, pitch range %s, channels %s%n", count(p.notes().size(), "note"), p.durationSeconds(),
                pitchRange(p), channels.isEmpty() ? "-" : channels.stream().map(String::valueOf).collect(Collectors.joining(",")));
        String names = p.metadata().trackNames().stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        if (!names.isEmpty()) out.println("  tracks: " + names);
    }

    private static void describe(Piece p, ObjectNode o) {
        o.put("format", p.metadata().format());
        o.put("tracks", p.metadata().trackNames().size());
        o.put("resolution", p.resolution());
        o.put("tempoEvents", p.tempoMap().size());
        o.put("notes", p.notes().size());
        o.put("durationSeconds", Math.round(p.durationSeconds() * 1000) / 1000.0);
        if (!p.notes().isEmpty()) {
            o.put("lowestPitch", Pitches.name(p.lowestPitch()));
            o.put("highestPitch", Pitches.name(p.highestPitch()));
        }
        ArrayNode ch = o.putArray("channels");
        channels(p).forEach(ch::add);
        ArrayNode names = o.putArray("trackNames");
        p.metadata().trackNames().forEach(names::add);
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String pitchRange(Piece p) {
        return p.notes().isEmpty() ? "-" : Pitches.name(p.lowestPitch()) + "–" + Pitches.name(p.highestPitch());
    }

    /** Channels as musicians number them, 1..16 (drums = 10). */
    private static List<Integer> channels(Piece p) {
        return p.notes().stream().map(Note::channel).distinct().sorted().map(c -> c + 1).toList();
    }
}
