package studio.rondo.spark;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SerializableWritable;
import org.apache.spark.api.java.JavaSparkContext;
import studio.rondo.engine.train.ClusterTraining.CorpusFile;

/**
 * What executors need to read the training corpus themselves, broadcast once per run: the training
 * files (absolute URIs), the augmentation's transposition range and the driver's Hadoop configuration
 * (credentials and endpoints for hdfs:// or s3a:// included, as Spark passes them to its own readers).
 */
record CorpusShare(String id, List<String> files, int transposeRange, SerializableWritable<Configuration> hadoop) implements Serializable {

    static CorpusShare of(JavaSparkContext sc, List<CorpusFile> training, int transposeRange) {
        return new CorpusShare(UUID.randomUUID().toString(), training.stream().map(CorpusFile::file).toList(), transposeRange,
                new SerializableWritable<>(sc.hadoopConfiguration()));
    }
}
