package studio.rondo.engine.model;

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
        byte[] infoJson = JSON.writeValueAsBytes(info);
        byte[] config = net.getConfiguration().toJson().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, CONFIGURATION, config);
            zip.putNextEntry(new ZipEntry(COEFFICIENTS));
            DataOutputStream data = new DataOutputStream(zip);
            Nd4j.write(net.params(), data);
            data.flush();
            zip.closeEntry();
            INDArray updater = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
            if (updater != null && updater.length() > 0) {
                zip.putNextEntry(new ZipEntry(UPDATER));
                Nd4j.write(updater, data);
                data.flush();
                zip.closeEntry();
            }
            put(zip, INFO, infoJson);
            zip.finish();
        });
    }

    /** Loads a model: metadata checked first, then the network with its optimizer state. */
    public static LoadedModel load(Path file) throws ModelFileException {
        requireFile(file);
        ModelInfo info;
        String config;
        byte[] coefficients, updater;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            info = readInfo(zip, file);
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
        long expected = NetworkFactory.parameterCount(conf);
        INDArray params = readArray(coefficients, file, COEFFICIENTS);
        if (params.length() != expected)
            throw new ModelFileException(file, "the weights do not fit the network: " + params.length() + " values for " + expected + " parameters");
        ComputationGraph net = new ComputationGraph(conf);
        net.init(params.reshape(1, expected), false);
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
        byte[] bytes = entry(zip, INFO, file, false);
        if (bytes == null) throw new ModelFileException(file, "not a Rondo model: the archive has no " + INFO + " entry");
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new ModelFileException(file, INFO + " is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
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
            throw new ModelFileException(file, INFO + " is unreadable (" + e.getMessage() + ")", e);
        }
        if (info.preset() == null || Preset.byId(info.preset()).isEmpty())
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
