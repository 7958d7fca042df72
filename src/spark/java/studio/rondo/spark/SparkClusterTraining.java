package studio.rondo.spark;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.ShutdownHookManager;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;
import studio.rondo.engine.train.ClusterTraining;
import studio.rondo.engine.train.MinibatchFitter;

/**
 * {@code train --spark MASTER}: a Spark context and a {@link ParameterAveragingFitter} on it. Tuned
 * with Spark properties ({@code --conf} of spark-submit, or {@code -D} system properties):
 * {@code spark.rondo.workers} (partitions per round; default Spark's default parallelism) and
 * {@code spark.rondo.averageEvery} (minibatches each worker fits between averagings; default 4),
 * {@code spark.rondo.executorsRead} (default true: executors read the training files themselves;
 * false sends each round's windows with their steps, as before #19's second part).
 */
public final class SparkClusterTraining implements ClusterTraining {
    /** Above the SparkContext's own shutdown hook (50). */
    private static final int SHUTDOWN_PRIORITY = 60;

    @Override
    public Connection connect(String master, String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (!"submit".equals(master)) conf.setMaster(master);
        else if (!conf.contains("spark.master")) throw new IllegalArgumentException("'--spark submit' is for runs started by spark-submit, which names the master");
        JavaSparkContext sc = new JavaSparkContext(conf);
        sc.setLogLevel(conf.get("spark.rondo.logLevel", "WARN"));
        int workers = conf.getInt("spark.rondo.workers", sc.defaultParallelism());
        int every = conf.getInt("spark.rondo.averageEvery", 4);
        long seed = conf.getLong("spark.rondo.seed", 42);
        boolean executorsRead = conf.getBoolean("spark.rondo.executorsRead", true);
        ParameterAveragingFitter fitter = new ParameterAveragingFitter(sc, workers, every, seed);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: `train` asks the run to stop after its round and write the checkpoint. Spark's own
        // shutdown hook would stop the context under that round; this one, ahead of it, holds it until
        // the run has let go of the cluster (Spark's hooks run one after the other, highest priority first).
        ShutdownHookManager.addShutdownHook(SHUTDOWN_PRIORITY, new AbstractFunction0<BoxedUnit>() {
            @Override
            public BoxedUnit apply() {
                try {
                    closed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return BoxedUnit.UNIT;
            }
        });
        return new Connection() {
            @Override
            public MinibatchFitter fitter() {
                return fitter;
            }

            @Override
            public String describe() {
                return "Spark " + sc.master() + " (" + sc.version() + "): " + workers + " workers, averaging every " + every + " minibatches each"
                        + (executorsRead ? ", executors reading the corpus" : ", windows sent with their steps");
            }

            @Override
            public String costs() {
                return fitter.stats().describe();
            }

            @Override
            public List<CorpusFile> readCorpus(List<String> locations) throws IOException {
                return HadoopCorpus.read(locations, sc.hadoopConfiguration());
            }

            @Override
            public void shareCorpus(List<CorpusFile> training, int transposeRange) {
                if (!executorsRead) return;
                fitter.share(CorpusShare.of(sc, training, transposeRange), training.stream().map(CorpusFile::piece).toList());
            }

            @Override
            public void close() {
                if (closed.getCount() == 0) return;
                fitter.close();
                sc.stop();
                closed.countDown();
            }
        };
    }
}
