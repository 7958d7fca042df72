package studio.rondo.engine.store;

import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.CorpusProfile;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.preset.Presets;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.encoding.EncodingSpec;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.util.AtomicFiles;

/**
 * Model files: one zip holding DL4J's entries as ModelSerializer writes them
 * ({@code configuration.json}, {@code coefficients.bin}, {@code updaterState.bin}) plus
 * {@code rondo.json} ({@link ModelInfo}). The entries are written and read here directly (same
 * layout, so DL4J's ModelSerializer can open our files), which keeps every failure a
 * {@link ModelFileException} and guarantees that nothing is ever Java-deserialised: the
 * configuration is JSON, the arrays are ND4J's binary array format.
 */
public final class ModelStore {
    public static final int FORMAT_VERSION = 1;
    public static final String INFO = "rondo.json";
    public static final String CONFIGURATION = "configuration.json";
    public static final String COEFFICIENTS = "coefficients.bin";
    public static final String UPDATER = "updaterState.bin";
    /**
     * Field of {@code rondo.json} holding the SHA-256 of the {@code coefficients.bin} entry, written
     * at save and checked at load (files without it load as before). Kept out of {@link ModelInfo}:
     * it describes the file, not the model.
     */
    public static final String WEIGHTS_CHECKSUM = "weightsSha256";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelStore() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Writes network and metadata to a temporary file renamed into place (a crash leaves the old file). */
    public static void save(Path file, ComputationGraph net, ModelInfo info) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode infoTree = JSON.valueToTree(info);
        byte[] config = net.getConfiguration().toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, CONFIGURATION, config);
            zip.putNextEntry(new ZipEntry(COEFFICIENTS));
            java.security.MessageDigest sha = sha256();
            DataOutputStream weights = new DataOutputStream(new java.security.DigestOutputStream(zip, sha));
            Nd4j.write(net.params(), weights);
            weights.flush();
            zip.closeEntry();
            INDArray updater = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
            if (updater != null && updater.length() > 0) {
                zip.putNextEntry(new ZipEntry(UPDATER));
                DataOutputStream data = new DataOutputStream(zip);
                Nd4j.write(updater, data);
                data.flush();
                zip.closeEntry();
            }
            infoTree.put(WEIGHTS_CHECKSUM, java.util.HexFormat.of().formatHex(sha.digest()));
            put(zip, INFO, JSON.writeValueAsBytes(infoTree));
            zip.finish();
        });
    }

    /** Loads a model: metadata checked first, then the network with its optimizer state. */
    public static LoadedModel load(Path file) throws ModelFileException {
        requireFile(file);
        ModelInfo info;
        String config, checksum;
        byte[] coefficients, updater;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode tree = infoTree(zip, file);
            info = infoOf(tree, file);
            checksum = tree.path(WEIGHTS_CHECKSUM).isTextual() ? tree.get(WEIGHTS_CHECKSUM).asText() : null;
            config = new String(entry(zip, CONFIGURATION, file, true), StandardCharsets.UTF_8);
            coefficients = entry(zip, COEFFICIENTS, file, true);
            updater = entry(zip, UPDATER, file, false);
        } catch (ZipException e) {
            throw new ModelFileException(file, "not a model file: corrupt, truncated or not a zip archive (" + e.getMessage() + ")", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read (" + e.getMessage() + ")", e);
        }
        ComputationGraphConfiguration conf;
        try {
            conf = ComputationGraphConfiguration.fromJson(config);
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "the network configuration is unreadable (" + e.getMessage() + ")", e);
        }
        requireMatchingShape(file, conf, info);
        if (checksum != null && !checksum.equalsIgnoreCase(java.util.HexFormat.of().formatHex(sha256().digest(coefficients))))
            throw new ModelFileException(file, "the weights (" + COEFFICIENTS + ") do not match the checksum recorded in " + INFO
                    + " when the model was saved: the file was damaged or changed since");
        long expected = NetworkFactory.parameterCount(conf);
        INDArray params = readArray(coefficients, file, COEFFICIENTS);
        if (params.length() != expected)
            throw new ModelFileException(file, "the weights do not fit the network: " + params.length() + " values for " + expected + " parameters");
        requireFinite(file, params);
        ComputationGraph net;
        try {
            net = new ComputationGraph(conf);
            net.init(params.reshape(1, expected), false);
        } catch (RuntimeException e) {
            // A configuration that parses can still lack what DL4J needs to build it (a damaged field reads as null).
            throw new ModelFileException(file, "the network cannot be built from its configuration (" + e + ")", e);
        }
        if (updater != null) {
            INDArray state = readArray(updater, file, UPDATER);
            INDArray view = net.getUpdater().getStateViewArray();
            if (view == null || view.length() != state.length())
                throw new ModelFileException(file, "the optimizer state does not fit the network");
            view.assign(state.reshape(view.shape()));
        } else {
            // A lean file (see writeLean) has no optimizer state: training it further starts a fresh
            // optimizer, so Adam's bias correction starts again from the first step too.
            conf.setIterationCount(0);
        }
        if (net.getNumOutputArrays() != Encodings.fromSpec(info.encoding()).streams().size())
            throw new ModelFileException(file, "the network has " + net.getNumOutputArrays() + " outputs but encoding "
                    + info.encoding().name() + " has " + Encodings.fromSpec(info.encoding()).streams().size() + " streams");
        return new LoadedModel(net, info);
    }

    /**
     * Writes a copy of a model without its optimizer state ({@code updaterState.bin}, twice the
     * size of the weights for Adam): the file to ship or share. It generates and evaluates exactly like the
     * original; training it further starts a fresh optimizer. The source is checked first (metadata
     * and required entries); the copy is written to a temporary file renamed into place.
     *
     * @return the bytes of the optimizer state left out (0 when the source had none)
     */
    public static long writeLean(Path source, Path target) throws ModelFileException, IOException {
        requireFile(source);
        long dropped = 0;
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(source.toFile())) {
            readInfo(zip, source);
            entry(zip, CONFIGURATION, source, true);
            for (var e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry z = e.nextElement();
                byte[] bytes = entry(zip, z.getName(), source, true);
                if (z.getName().equals(UPDATER)) dropped = bytes.length;
                else entries.put(z.getName(), bytes);
            }
        } catch (ZipException e) {
            throw new ModelFileException(source, "not a model file: corrupt, truncated or not a zip archive (" + e.getMessage() + ")", e);
        }
        if (!entries.containsKey(COEFFICIENTS)) throw new ModelFileException(source, "the archive has no " + COEFFICIENTS + " entry");
        // A file written before weights were checksummed gets its checksum here: the copy that ships is verified on load.
        JsonNode tree = JSON.readTree(entries.get(INFO));
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o && !o.path(WEIGHTS_CHECKSUM).isTextual()) {
            o.put(WEIGHTS_CHECKSUM, java.util.HexFormat.of().formatHex(sha256().digest(entries.get(COEFFICIENTS))));
            entries.put(INFO, JSON.writeValueAsBytes(o));
        }
        AtomicFiles.write(target, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (var e : entries.entrySet()) put(zip, e.getKey(), e.getValue());
            zip.finish();
        });
        return dropped;
    }

    /** Whether a model file carries optimizer state (false for files written by {@link #writeLean}). */
    public static boolean hasOptimizerState(Path file) throws ModelFileException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(UPDATER) != null;
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Only the metadata (fast: the weights are not read). */
    public static ModelInfo readInfo(Path file) throws ModelFileException {
        requireFile(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return readInfo(zip, file);
        } catch (ZipException e) {
            throw new ModelFileException(file, "not a model file: corrupt, truncated or not a zip archive (" + e.getMessage() + ")", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Fails with a message naming what differs when a model cannot be used with this encoding. */
    public static void requireCompatible(Path file, ModelInfo info, EncodingSpec wanted) throws ModelFileException {
        Optional<String> why = Encodings.mismatch(info.encoding(), wanted);
        if (why.isPresent()) throw new ModelFileException(file, why.get());
    }

    private static ModelInfo readInfo(ZipFile zip, Path file) throws IOException {
        return infoOf(infoTree(zip, file), file);
    }

    private static JsonNode infoTree(ZipFile zip, Path file) throws IOException {
        byte[] bytes = entry(zip, INFO, file, false);
        if (bytes == null) throw new ModelFileException(file, "not a Rondo model: the archive has no " + INFO + " entry");
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ModelFileException(file, INFO + " is not valid JSON (" + jsonReason(e) + ")", e);
        }
    }

    private static ModelInfo infoOf(JsonNode tree, Path file) throws ModelFileException {
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version == null || !version.canConvertToInt())
            throw new ModelFileException(file, INFO + " has no format version");
        if (version.asInt() != FORMAT_VERSION)
            throw new ModelFileException(file, "model format version " + version.asInt() + " is not supported (this version reads "
                    + FORMAT_VERSION + (version.asInt() > FORMAT_VERSION ? "; the file comes from a newer Rondo Studio)" : ")"));
        ModelInfo info;
        try {
            info = JSON.treeToValue(tree, ModelInfo.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelFileException(file, INFO + " is unreadable (" + jsonReason(e) + ")", e);
        }
        if (info.preset() == null || Presets.byId(info.preset()).isEmpty())
            throw new ModelFileException(file, "unknown preset '" + info.preset() + "'");
        if (info.encoding() == null || info.hyperparameters() == null)
            throw new ModelFileException(file, INFO + " lacks the encoding or the hyperparameters");
        try {
            Encodings.fromSpec(info.encoding()).streams();
        } catch (RuntimeException e) {
            throw new ModelFileException(file, "the stored encoding cannot be rebuilt (" + e.getMessage() + ")", e);
        }
        return info;
    }

    /**
     * Jackson's reason without its location noise ("at [Source: REDACTED ...; line: 1, column: 9]",
     * "(through reference chain: ...)"), with the field it concerns: "encoding: Cannot deserialize ...".
     */
    static String jsonReason(Exception e) {
        String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        m = m.replaceAll("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?", "")
                .replaceAll("\\s*\\(through reference chain:.*", "")
                .replaceAll("`(?:[a-z0-9_]+\\.)+([A-Za-z0-9_$]+)`", "`$1`") // class names without their package
                .lines().findFirst().orElse("").trim();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException j && !j.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var r : j.getPath()) {
                if (r.getFieldName() != null) path.append(path.length() > 0 ? "." : "").append(r.getFieldName());
                else if (r.getIndex() >= 0) path.append('[').append(r.getIndex()).append(']');
            }
            if (path.length() > 0) m = path + ": " + m;
        }
        return m;
    }

    /**
     * rondo.json and the network configuration describe the same network: an output per stream of
     * the stream's size, the layers reading the input as wide as the encoding's input, the first LSTM
     * as wide as the hyperparameters say. Checked before the weights are read, so the message says
     * which disagrees instead of "the weights do not fit".
     */
    private static void requireMatchingShape(Path file, ComputationGraphConfiguration conf, ModelInfo info) throws ModelFileException {
        java.util.List<studio.rondo.engine.encoding.StreamSpec> streams = Encodings.fromSpec(info.encoding()).streams();
        java.util.List<String> outputs = conf.getNetworkOutputs();
        if (outputs.size() != streams.size())
            throw new ModelFileException(file, "the network has " + outputs.size() + " outputs but " + INFO + "'s encoding "
                    + info.encoding().name() + " has " + streams.size() + " streams");
        for (int i = 0; i < outputs.size(); i++) {
            org.deeplearning4j.nn.conf.layers.FeedForwardLayer out = feedForward(conf, outputs.get(i));
            var stream = streams.get(i);
            if (out != null && out.getNOut() != stream.size())
                throw new ModelFileException(file, "the network's output " + outputs.get(i) + " has " + out.getNOut() + " values but "
                        + INFO + "'s encoding gives stream " + stream.name() + " " + stream.size());
        }
        long features = new studio.rondo.engine.encoding.InputLayout(streams).features();
        for (var e : conf.getVertexInputs().entrySet()) {
            if (!e.getValue().equals(java.util.List.of(NetworkFactory.INPUT))) continue;
            org.deeplearning4j.nn.conf.layers.FeedForwardLayer layer = feedForward(conf, e.getKey());
            if (layer != null && layer.getNIn() != features)
                throw new ModelFileException(file, "the network's layer " + e.getKey() + " reads " + layer.getNIn() + " input features but "
                        + INFO + "'s encoding " + info.encoding().name() + " gives " + features);
        }
        org.deeplearning4j.nn.conf.layers.FeedForwardLayer first = feedForward(conf, "lstm_1");
        if (first != null && first.getNOut() != info.hyperparameters().hidden())
            throw new ModelFileException(file, "the network's first LSTM has " + first.getNOut() + " units but " + INFO + " says "
                    + info.hyperparameters().hidden());
    }

    private static org.deeplearning4j.nn.conf.layers.FeedForwardLayer feedForward(ComputationGraphConfiguration conf, String name) {
        if (conf.getVertices().get(name) instanceof org.deeplearning4j.nn.conf.graph.LayerVertex v
                && v.getLayerConf() != null && v.getLayerConf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer f)
            return f;
        return null;
    }

    /** Weights that are not numbers come from a run that diverged: such a model only ever outputs NaN. */
    private static void requireFinite(Path file, INDArray params) throws ModelFileException {
        double sum = params.sumNumber().doubleValue();
        if (Double.isFinite(sum)) return;
        long bad = 0;
        for (float v : params.toFloatVector()) if (!Float.isFinite(v)) bad++;
        if (bad == 0) return; // a finite set of huge weights whose sum overflowed
        throw new ModelFileException(file, String.format(java.util.Locale.ROOT, "%,d of %,d weights are not numbers (NaN or infinite): "
                + "the model diverged in training; train it again with a lower learning rate, or continue an earlier checkpoint",
                bad, params.length()));
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static byte[] entry(ZipFile zip, String name, Path file, boolean required) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            if (required) throw new ModelFileException(file, "the archive has no " + name + " entry");
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            return in.readAllBytes(); // reading to the end checks the entry's CRC
        }
    }

    private static INDArray readArray(byte[] bytes, Path file, String entry) throws ModelFileException {
        try {
            return Nd4j.read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (RuntimeException e) {
            throw new ModelFileException(file, entry + " is unreadable (" + e.getMessage() + ")", e);
        }
    }

    private static void requireFile(Path file) throws ModelFileException {
        if (!Files.exists(file)) throw new ModelFileException(file, "no such file");
        if (!Files.isRegularFile(file)) throw new ModelFileException(file, "not a file");
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
