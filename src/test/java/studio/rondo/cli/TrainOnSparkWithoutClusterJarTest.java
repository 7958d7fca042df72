package studio.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.train.ClusterTraining;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

/** The desktop build has no Spark: `train --spark` says how to get the cluster jar, and trains nothing; URIs for --data need it too. */
class TrainOnSparkWithoutClusterJarTest {

    @Test
    void trainOnSparkSaysTheClusterJarIsNeededAndWritesNoModel(@TempDir Path dir) throws Exception {
        assumeFalse(ClusterTraining.installed().isPresent(), "the cluster jar is on the class path (-Pspark): this is the desktop build's behaviour");
        Path midi = Files.createDirectories(dir.resolve("midi"));
        for (Piece p : TestCorpus.pieces(3, 60, 4)) MidiWriter.write(p, midi.resolve(p.name() + ".mid"));
        Path model = dir.resolve("m.zip");
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = RondoCommand.execute(new String[] {"train", "--data", midi.toString(), "--preset", "pitch-step-duration",
                "--spark", "local[2]", "--out", model.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("--spark needs the cluster jar") && err.toString().contains("mvn -Pspark package"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(model));
    }

    @Test
    void aUriForDataWithoutSparkSaysUrisAreReadThroughACluster(@TempDir Path dir) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = RondoCommand.execute(new String[] {"train", "--data", "hdfs://namenode/corpora/mozart", "--preset", "pitch-step-duration",
                "--out", dir.resolve("m.zip").toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
        assertTrue(err.toString().contains("hdfs://namenode/corpora/mozart: URIs are read through a cluster's file systems, with --spark"), err.toString());
        assertFalse(Files.exists(dir.resolve("m.zip")));
    }
}
