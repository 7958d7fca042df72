package studio.rondo.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import studio.rondo.engine.train.ClusterTraining.CorpusFile;
import studio.rondo.midi.MidiFormatException;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * MIDI files through Hadoop's FileSystem API, which Spark brings: local and shared folders, HDFS,
 * S3 (s3a://, with the cluster's hadoop-aws) and whatever else the cluster's Hadoop configuration
 * opens. The driver lists and reads the corpus here; each executor reads its training files again.
 * A location without a scheme is on Hadoop's default file system (the local one unless the cluster
 * configures HDFS, as on YARN), resolved on the driver to an absolute URI, so that executors, whose
 * working folders differ, open the same file.
 */
final class HadoopCorpus {
    private HadoopCorpus() {
    }

    /** Each location's files (a folder's .mid/.midi files recursively, sorted by path), read; a bad file yields its reason. */
    static List<CorpusFile> read(List<String> locations, Configuration conf) throws IOException {
        List<CorpusFile> out = new ArrayList<>();
        for (String location : locations) {
            Path path = new Path(location);
            FileSystem fs = fileSystem(path, conf);
            Path qualified = fs.makeQualified(path);
            FileStatus status;
            try {
                status = fs.getFileStatus(qualified);
            } catch (FileNotFoundException e) {
                out.add(new CorpusFile(qualified.toString(), null, location + ": no such file or folder (" + qualified + ")"));
                continue;
            }
            if (!status.isDirectory()) {
                out.add(readOne(qualified.toString(), conf));
                continue;
            }
            List<String> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualified, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                if (f.isFile() && isMidi(f.getPath().getName())) files.add(f.getPath().toString());
            }
            files.sort(null);
            for (String f : files) out.add(readOne(f, conf));
        }
        return out;
    }

    /** The file system of a path; one this cluster's Hadoop cannot open is an IOException in words. */
    private static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
        try {
            return path.getFileSystem(conf);
        } catch (RuntimeException e) { // Hadoop's wrapping of a ClassNotFoundException: a scheme whose file system is not on the class path
            String scheme = path.toUri().getScheme();
            throw new IOException("no file system for " + scheme + ":// on this cluster (" + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
                    + ")" + ("s3a".equals(scheme) ? "; s3a:// needs hadoop-aws on the class path, e.g. spark-submit --packages org.apache.hadoop:hadoop-aws:3.3.4" : ""), e);
        }
    }

    private static CorpusFile readOne(String file, Configuration conf) {
        try {
            return new CorpusFile(file, piece(file, conf), null);
        } catch (MidiFormatException e) {
            return new CorpusFile(file, null, e.getMessage());
        } catch (IOException e) {
            return new CorpusFile(file, null, file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** One file's piece, named as local training names it (the file name without its extension). */
    static Piece piece(String file, Configuration conf) throws IOException {
        Path p = new Path(file);
        long max = ReadOptions.DEFAULT.maxFileBytes();
        byte[] bytes;
        try (FSDataInputStream in = p.getFileSystem(conf).open(p)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, max + 1)); // one byte more than allowed tells it is too large
        }
        String name = p.getName();
        int dot = name.lastIndexOf('.');
        return MidiReader.read(bytes, file, dot > 0 ? name.substring(0, dot) : name, ReadOptions.DEFAULT);
    }

    private static boolean isMidi(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }
}
