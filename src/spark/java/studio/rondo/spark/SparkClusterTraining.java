package studio.rondo.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import studio.rondo.engine.train.ClusterTraining;
import studio.rondo.engine.train.MinibatchFitter;

/**
 * {@code train --spark MASTER}: a Spark context and a {@link ParameterAveragingFitter} on it. Tuned
 * with Spark properties ({@code --conf} of spark-submit, or {@code -D} system properties):
 * {@code spark.rondo.workers} (partitions per round; default Spark's default parallelism) and
 * {@code spark.rondo.averageEvery} (minibatches each worker fits between averagings; default 4).
 */
public final class SparkClusterTraining implements ClusterTraining {

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
        ParameterAveragingFitter fitter = new ParameterAveragingFitter(sc, workers, every, seed);
        return new Connection() {
            @Override
            public MinibatchFitter fitter() {
                return fitter;
            }

            @Override
            public String describe() {
                return "Spark " + sc.master() + " (" + sc.version() + "): " + workers + " workers, averaging every " + every + " minibatches each";
            }

            @Override
            public void close() {
                System.err.println("rondo: spark: " + fitter.stats().describe());
                sc.stop();
            }
        };
    }
}
