package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.LstmLayers;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;

@Command(name = "presets", description = "List the presets: encoding, network, training recipe and parameter count of each.")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    /** Nominal corpus-vocabulary sizes for the parameter counts of presets whose vocabularies come from the corpus. */
    static final int NOMINAL_TOKENS = 300, NOMINAL_TIMES = 30;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EngineRuntime.start(); // configurations hold ND4J arrays (loss weights)
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode arr = mapper.createArrayNode();
            for (Preset p : Preset.values()) {
                ObjectNode o = arr.addObject();
                o.put("preset", p.id());
                o.put("encoding", p.encoding());
                o.put("network", p.network());
                o.put("recipe", p.recipe());
                o.put("origin", p.origin());
                o.put("parameters", parameters(p));
                if (vocabularyDependent(p)) o.put("parametersNote", vocabularyNote(p));
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else {
            for (Preset p : Preset.values()) {
                out.println(p.id());
                out.println("  encoding: " + p.encoding());
                out.println("  network:  " + p.network());
                out.println("  recipe:   " + p.recipe());
                out.println("  after:    " + p.origin());
                out.println("  params:   " + String.format(Locale.ROOT, "%,d", parameters(p))
                        + (vocabularyDependent(p) ? " (" + vocabularyNote(p) + ")" : "")
                        + (p == Preset.PERFORMANCE ? String.format(Locale.ROOT, "; small variant (--hidden 256 --layers 2): %,d",
                        NetworkFactory.parameterCount(NetworkFactory.configure(p, streams(p), Hyperparameters.performanceSmall(), 1, LstmLayers.current()))) : ""));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static long parameters(Preset p) {
        return NetworkFactory.parameterCount(NetworkFactory.configure(p, streams(p), Hyperparameters.defaults(p), 1, LstmLayers.current()));
    }

    static boolean vocabularyDependent(Preset p) {
        return p == Preset.THREE_STREAM || p == Preset.CHORD_TOKENS;
    }

    static String vocabularyNote(Preset p) {
        return p == Preset.THREE_STREAM
                ? "depends on the corpus; shown for " + NOMINAL_TOKENS + " notes/chords, " + NOMINAL_TIMES + " offsets, " + NOMINAL_TIMES + " durations"
                : "depends on the corpus; shown for " + NOMINAL_TOKENS + " tokens";
    }

    /** The preset's streams; corpus vocabularies at nominal sizes. */
    static List<StreamSpec> streams(Preset p) {
        Encoding e = Encodings.forPreset(p);
        if (e.fitted()) return e.streams();
        List<StreamSpec> fitted = e.fit(List.of(sample())).streams();
        List<StreamSpec> out = new ArrayList<>();
        for (int s = 0; s < fitted.size(); s++) {
            StreamSpec f = fitted.get(s);
            int size = p == Preset.THREE_STREAM ? (s == 0 ? NOMINAL_TOKENS : NOMINAL_TIMES) : (s == 0 ? NOMINAL_TOKENS : f.size());
            out.add(StreamSpec.categorical(f.name(), size, f.inputForm()));
        }
        return out;
    }

    private static Piece sample() {
        TempoMap map = TempoMap.constant(480, 120);
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 8; i++) notes.add(new Note(60 + i, 80, 0, 0, i * 480L, i * 480L + 400, map.secondsAt(i * 480L), map.secondsAt(i * 480L + 400)));
        return new Piece("sample", notes, map, PieceMetadata.empty());
    }
}
