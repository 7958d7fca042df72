package studio.rondo.engine.train;

import java.util.Optional;
import java.util.ServiceLoader;

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

    /** A fitter running on the cluster; closing it leaves the cluster. */
    interface Connection extends AutoCloseable {
        MinibatchFitter fitter();

        /** One line for the start of a run: "Spark local[2], 2 partitions, 4 minibatches each per averaging round". */
        String describe();

        @Override
        void close();
    }

    /** The installed cluster training, if the cluster jar is on the class path. */
    static Optional<ClusterTraining> installed() {
        return ServiceLoader.load(ClusterTraining.class, ClusterTraining.class.getClassLoader()).findFirst();
    }
}
