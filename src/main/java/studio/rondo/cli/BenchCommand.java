package studio.rondo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.rondo.bench.BenchRecord;
import studio.rondo.bench.BenchSettings;
import studio.rondo.bench.Benchmark;
import studio.rondo.bench.GenerationBenchmark;
import studio.rondo.bench.LstmBenchmark;
import studio.rondo.bench.MetricsBenchmark;
import studio.rondo.bench.MidiReadBenchmark;
import studio.rondo.bench.TrainBenchmark;

/** `rondo bench`: runs the benchmarks (all, or those named with --only) and prints one record each. */
@Command(name = "bench", description = {"Measure the studio on this machine: MIDI reading (midi) and training speed and peak memory",
        "of the reference network (train-reference, train-reference-2x256) and each preset (train-PRESET; --only train runs them all),",
        "generation speed of each preset (generate), the fused LSTM against DL4J's (lstm), and the Report's metrics (metrics)."})
final class BenchCommand implements Callable<Integer> {
    /** Every benchmark, in the order they run. Add new ones here. */
    static List<Benchmark> benchmarks() {
        List<Benchmark> all = new ArrayList<>();
        all.add(new MidiReadBenchmark());
        all.addAll(TrainBenchmark.all());
        all.add(new GenerationBenchmark());
        all.add(new LstmBenchmark());
        all.add(new MetricsBenchmark());
        return all;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--only", split = ",", paramLabel = "NAME", description = "Run only these benchmarks (e.g. midi, train, train-reference, train-performance).")
    List<String> only = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", description = "Folder of MIDI files (default: ${DEFAULT-VALUE}).")
    Path data = Path.of("..", "shared", "data", "midi", "piano-midi-de");

    @Option(names = "--warmup", paramLabel = "N", description = "Warm-up rounds, not counted (default: ${DEFAULT-VALUE}; training: at most 2 minibatches).")
    int warmup = 5;

    @Option(names = "--rounds", paramLabel = "N", description = "Measured rounds (default: ${DEFAULT-VALUE}; training: minibatches, at most 30 s).")
    int rounds = 10;

    @Option(names = "--json", description = "Print a JSON array of records.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Benchmark> selected = select();
        if (warmup < 0 || rounds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warmup must be 0 or more and --rounds 1 or more");
        }
        BenchSettings settings = new BenchSettings(data.toAbsolutePath().normalize(), warmup, rounds);
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode arr = mapper.createArrayNode();
        for (Benchmark b : selected) {
            BenchRecord r;
            try {
                r = b.run(settings);
            } catch (IOException e) {
                throw new BadInputException("bench " + b.name() + ": " + e.getMessage(), e);
            }
            if (json) {
                ObjectNode o = arr.addObject();
                o.put("bench", r.bench());
                r.figures().forEach((k, v) -> o.set(k, mapper.valueToTree(v)));
            } else {
                out.println(r.summary());
                out.flush();
            }
        }
        if (json) out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(arr));
        out.flush();
        return ExitCodes.OK;
    }

    private List<Benchmark> select() {
        List<Benchmark> all = benchmarks();
        if (only.isEmpty()) return all;
        List<String> known = all.stream().map(Benchmark::name).toList();
        for (String name : only) {
            if (!known.contains(name) && known.stream().noneMatch(k -> k.startsWith(name + "-"))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "unknown benchmark '" + name + "' (known: " + String.join(", ", known) + ")");
            }
        }
        // A group name selects its members: "train" runs train-reference, train-tf-tutorial, ...; a benchmark's own
        // name selects just it (train-reference, not train-reference-2x256 too)
        return all.stream().filter(b -> only.stream().anyMatch(n -> b.name().equals(n) || !known.contains(n) && b.name().startsWith(n + "-")))
                .collect(Collectors.toList());
    }
}
