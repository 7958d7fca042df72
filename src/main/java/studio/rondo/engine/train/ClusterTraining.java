package studio.rondo.engine.train;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import studio.rondo.music.Piece;

/**
 * Training on a cluster, when the cluster jar is on the class path (Maven profile {@code spark},
 * src/spark/java): the desktop build has none, and {@code train --spark} then says how to get it.
 * Found with {@link ServiceLoader}, so nothing here names Spark.
 */
public interface ClusterTraining {

    /**
     * Connects to a cluster.
     *
     * @param master where the cluster is: {@code local[2]}, {@code spark://host:7077}, or {@code submit}
     *               for the master spark-submit was given
     * @param appName the name the cluster shows for the run
     */
    Connection connect(String master, String appName);

    /** A MIDI file of a corpus as the cluster reads it: where every node finds it, and its piece or why it could not be read. */
    record CorpusFile(String file, Piece piece, String error) {
        public CorpusFile {
            if ((piece == null) == (error == null)) throw new IllegalArgumentException("exactly one of piece and error");
        }

        public boolean ok() {
            return piece != null;
        }
    }

    /** A fitter running on the cluster; closing it leaves the cluster. */
    interface Connection extends AutoCloseable {
        MinibatchFitter fitter();

        /** One line for the start of a run: "Spark local[2], 2 partitions, 4 minibatches each per averaging round". */
        String describe();

        /** One line for the end of a run: what its rounds cost (bytes each way, seconds beyond fitting). */
        String costs();

        /**
         * Reads the MIDI files at these locations (files, or folders searched recursively for .mid and
         * .midi) through the cluster's file systems: paths or URIs (hdfs://, s3a://, file://), each file
         * named by an absolute URI every node can open.
         *
         * @throws IOException when a location cannot be listed
         */
        List<CorpusFile> readCorpus(List<String> locations) throws IOException;

        /**
         * From now on the workers read, encode and window these training pieces themselves, from their
         * files, in every transposition within {@code transposeRange} semitones (the trainer's
         * augmentation); a round then sends only which windows to fit, not their steps.
         */
        void shareCorpus(List<CorpusFile> training, int transposeRange);

        @Override
        void close();
    }

    /** The installed cluster training, if the cluster jar is on the class path. */
    static Optional<ClusterTraining> installed() {
        return ServiceLoader.load(ClusterTraining.class, ClusterTraining.class.getClassLoader()).findFirst();
    }
}
