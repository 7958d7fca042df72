package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.preset.Presets;

@Command(name = "presets", description = "List the presets: encoding, network, training recipe and parameter count of each.")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EngineRuntime.start(); // configurations hold ND4J arrays (loss weights)
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ArrayNode arr = mapper.createArrayNode();
            for (Preset p : Presets.all()) {
                ObjectNode o = arr.addObject();
                o.put("preset", p.id());
                o.put("title", p.title());
                o.put("encoding", p.encodingDescription());
                o.put("network", p.networkDescription());
                o.put("recipe", p.recipeDescription());
                o.put("origin", p.origin());
                o.put("parameters", NetworkFactory.parameterCount(p, p.defaults()));
                p.nominalSizesNote().ifPresent(note -> o.put("parametersNote", note));
                for (Preset.Variant v : p.variants()) {
                    ObjectNode vo = o.withArray("variants").addObject();
                    vo.put("label", v.label());
                    vo.put("options", v.options());
                    vo.put("parameters", NetworkFactory.parameterCount(p, v.hyperparameters()));
                }
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else {
            for (Preset p : Presets.all()) {
                out.println(p.id() + " — " + p.title());
                out.println("  encoding: " + p.encodingDescription());
                out.println("  network:  " + p.networkDescription());
                out.println("  recipe:   " + p.recipeDescription());
                out.println("  after:    " + p.origin());
                StringBuilder params = new StringBuilder(String.format(Locale.ROOT, "%,d", NetworkFactory.parameterCount(p, p.defaults())));
                p.nominalSizesNote().ifPresent(note -> params.append(" (").append(note).append(")"));
                for (Preset.Variant v : p.variants())
                    params.append(String.format(Locale.ROOT, "; %s (%s): %,d", v.label(), v.options(), NetworkFactory.parameterCount(p, v.hyperparameters())));
                out.println("  params:   " + params);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
