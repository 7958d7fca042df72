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
import studio.rondo.engine.model.Preset;

@Command(name = "presets", description = "List the presets: encoding, network and training recipe of each.")
final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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
            }
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        } else {
            for (Preset p : Preset.values()) {
                out.println(p.id());
                out.println("  encoding: " + p.encoding());
                out.println("  network:  " + p.network());
                out.println("  recipe:   " + p.recipe());
                out.println("  after:    " + p.origin());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
