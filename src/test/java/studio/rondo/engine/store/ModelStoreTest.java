package studio.rondo.engine.store;

import studio.rondo.engine.PresetSource;
import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.train.Trainer;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.music.Piece;

class ModelStoreTest {
    static final List<Piece> CORPUS = TestCorpus.pieces(4, 40, 2);
    static Path dir;
    static Path model;
    static TrainingResult trained;

    @BeforeAll
    static void train(@TempDir Path tmp) throws Exception {
        EngineRuntime.start();
        dir = tmp;
        model = dir.resolve("m.zip");
        // three-stream: corpus vocabularies, BatchNorm state and Adam state all have to survive.
        TrainingConfig c = TrainingConfig.of(Presets.THREE_STREAM, 1).withHyperparameters(TestCorpus.tiny(Presets.THREE_STREAM))
                .withSplit(0.25, 1).withMaxBatches(3).withFiles(model, null, null);
        trained = new Trainer(c, null).train(CORPUS);
    }

    @Test
    void loadGivesTheSameOutputsMetadataAndOptimizerState() throws Exception {
        LoadedModel m = ModelStore.load(model);
        assertEquals(trained.info().encoding(), m.info().encoding());
        assertEquals(trained.info().hyperparameters(), m.info().hyperparameters());
        assertEquals(trained.info().history(), m.info().history());
        assertTrue(Encodings.mismatch(trained.encoding().spec(), m.encoding().spec()).isEmpty());
        assertArrayEquals(trained.network().params().toFloatVector(), m.network().params().toFloatVector());
        assertArrayEquals(trained.network().getUpdater().getStateViewArray().toFloatVector(),
                m.network().getUpdater().getStateViewArray().toFloatVector());

        EncodedPiece p = m.encoding().encode(CORPUS.get(0));
        List<Window> ws = Window.over(p, 8, 3);
        INDArray x = new WindowBatches(m.encoding()).inputsOnly(ws).getFeatures(0);
        INDArray[] a = trained.network().output(x), b = m.network().output(x);
        for (int h = 0; h < a.length; h++) assertArrayEquals(a[h].dup().data().asFloat(), b[h].dup().data().asFloat(), 0f, "head " + h);
    }

    @ParameterizedTest
    @PresetSource
    void everyPresetsNetworkRoundTrips(Preset preset) throws Exception {
        // Custom pieces of configuration (positive-pressure loss, weighted cross entropy, the
        // embedding's index subset) must come back from configuration.json.
        var encoding = preset.newEncoding().fit(CORPUS);
        Hyperparameters hp = TestCorpus.tiny(preset);
        var net = NetworkFactory.build(preset, encoding, hp, 5);
        ModelInfo info = new ModelInfo(ModelStore.FORMAT_VERSION, preset.id(), encoding.spec(), hp,
                new ModelInfo.TrainingSettings(5, 0.1, 2, 1, 0), List.of(), new ModelInfo.Progress(0, 0, 0, 0),
                new ModelInfo.CorpusInfo("x", 4, 4, List.of()), null, net.numParams(), "now", null);
        Path f = dir.resolve(preset.id() + ".zip");
        ModelStore.save(f, net, info);
        LoadedModel m = ModelStore.load(f);
        assertEquals(net.getConfiguration().toJson(), m.network().getConfiguration().toJson());
        INDArray x = new WindowBatches(encoding).inputsOnly(Window.over(encoding.encode(CORPUS.get(1)), hp.seqLen(), 5)).getFeatures(0);
        INDArray[] a = net.output(x), b = m.network().output(x);
        for (int h = 0; h < a.length; h++) assertArrayEquals(a[h].dup().data().asFloat(), b[h].dup().data().asFloat(), 0f, "head " + h);
    }

    @Test
    void theFileHoldsDl4jEntriesAndRondoJson() throws Exception {
        try (ZipFile z = new ZipFile(model.toFile())) {
            for (String e : List.of("configuration.json", "coefficients.bin", "updaterState.bin", "rondo.json"))
                assertTrue(z.getEntry(e) != null, e);
        }
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "temporary files left behind");
        }
    }

    private static void assertRejected(Path file, String reason) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path f = dir.resolve("truncated.zip");
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertRejected(f, "corrupt, truncated or not a zip archive");
    }

    @Test
    void rejectsACorruptFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        // Damage the first entry's data (configuration.json, deflated): the CRC check must catch it.
        for (int i = 200; i < 260; i++) bytes[i] ^= 0x5A;
        Path f = dir.resolve("corrupt.zip");
        Files.write(f, bytes);
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotAZip() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.zip"), "just some text, not a model");
        assertRejected(f, "not a zip archive");
        assertRejected(dir.resolve("missing.zip"), "no such file");
    }

    @Test
    void rejectsAForeignZip() throws IOException {
        Path f = dir.resolve("foreign.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertRejected(f, "not a Rondo model: the archive has no rondo.json entry");
    }

    @Test
    void rejectsAnotherFormatVersion() throws IOException {
        Path f = dir.resolve("future.zip");
        rewriteInfo(model, f, s -> s.replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 99"));
        assertRejected(f, "model format version 99 is not supported (this version reads 1; the file comes from a newer Rondo Studio)");
    }

    @Test
    void saysWhichVocabularyDiffers() throws Exception {
        ModelInfo info = ModelStore.readInfo(model);
        var other = Presets.THREE_STREAM.newEncoding().fit(TestCorpus.pieces(2, 30, 99)).spec();
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.requireCompatible(model, info, other));
        assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
    }

    /** Copies a model file, passing rondo.json through an edit. */
    static void rewriteInfo(Path from, Path to, java.util.function.UnaryOperator<String> edit) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("rondo.json")) content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }

    /** A copy of a model file with one entry's bytes passed through an edit. */
    static void rewriteEntry(Path from, Path to, String name, java.util.function.UnaryOperator<byte[]> edit) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(name)) content = edit.apply(content);
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
    }

    @Test
    void theWeightsChecksumIsRecordedAtSaveAndAChangedWeightsEntryIsRejected() throws Exception {
        String json;
        try (ZipFile z = new ZipFile(model.toFile())) {
            json = new String(z.getInputStream(z.getEntry("rondo.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(json.matches("(?s).*\"weightsSha256\" : \"[0-9a-f]{64}\".*"), json);
        Path f = dir.resolve("changed-weights.zip");
        rewriteEntry(model, f, "coefficients.bin", b -> {
            byte[] c = b.clone();
            c[c.length - 1] ^= 0x01; // one bit of the last weight
            return c;
        });
        assertRejected(f, "the weights (coefficients.bin) do not match the checksum recorded in rondo.json");
    }

    @Test
    void aFileWithoutAChecksumStillLoads() throws Exception {
        Path f = dir.resolve("older.zip");
        rewriteInfo(model, f, s -> s.replaceAll(",\\s*\"weightsSha256\" : \"[0-9a-f]+\"", ""));
        try (ZipFile z = new ZipFile(f.toFile())) {
            assertFalse(new String(z.getInputStream(z.getEntry("rondo.json")).readAllBytes(), StandardCharsets.UTF_8).contains("weightsSha256"));
        }
        assertEquals(trained.info().history(), ModelStore.load(f).info().history());
    }

    @Test
    void weightsThatAreNotNumbersAreRejectedNamingTheFile() throws Exception {
        LoadedModel m = ModelStore.load(model);
        m.network().params().assign(Float.NaN);
        Path f = dir.resolve("diverged.zip");
        ModelStore.save(f, m.network(), m.info());
        assertRejected(f, "weights are not numbers (NaN or infinite): the model diverged in training");
    }

    @Test
    void aConfigurationThatParsesButCannotBeBuiltIsRefusedNamingTheFile() throws Exception {
        // Found by ModelFileFuzzTest: a damaged field reads as null and DL4J's constructor failed with a NullPointerException.
        Path f = dir.resolve("no-optimizer.zip");
        rewriteEntry(model, f, "configuration.json", b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"optimizationAlgo\" : \"STOCHASTIC_GRADIENT_DESCENT\"", "\"optimizationAlgo\" : null")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertRejected(f, "the network cannot be built from its configuration");
    }

    @Test
    void saysWhichSizeDisagreesBetweenRondoJsonAndTheNetwork() throws Exception {
        Path f = dir.resolve("wrong-hidden.zip");
        rewriteInfo(model, f, s -> s.replaceFirst("\"hidden\" : 16", "\"hidden\" : 32"));
        assertRejected(f, "the network's first LSTM has 16 units but rondo.json says 32");
    }

    @Test
    void anUnreadableRondoJsonSaysWhichFieldWithoutJacksonsNoise() throws Exception {
        Path f = dir.resolve("bad-info.zip");
        rewriteInfo(model, f, s -> s.replaceFirst("\"hyperparameters\" : \\{", "\"hyperparameters\" : 5, \"x\" : {"));
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelStore.load(f));
        assertTrue(e.getMessage().startsWith(f + ": rondo.json is unreadable (hyperparameters: "), e.getMessage());
        assertFalse(e.getMessage().contains("Source:") || e.getMessage().contains("studio.rondo.") || e.getMessage().contains("\n"),
                e.getMessage());
        Path g = dir.resolve("bad-json.zip");
        rewriteInfo(model, g, s -> s.substring(0, s.length() / 2));
        ModelFileException j = assertThrows(ModelFileException.class, () -> ModelStore.load(g));
        assertTrue(j.getMessage().contains("rondo.json is not valid JSON") && !j.getMessage().contains("Source:"), j.getMessage());
    }
}
