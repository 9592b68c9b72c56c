package org.workspaceportal.examples.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.workspaceportal.examples.Json;

/** What the example jobs share: progress and result lines, timing, writing generated text. */
final class JobOutput {

  /** Starts the line that carries a job's result; the notebooks look for it. */
  static final String RESULT_PREFIX = "RESULT-JSON ";

  private JobOutput() {}

  static void progress(String message) {
    System.out.println("[example] " + message);
    System.out.flush();
  }

  static void result(Map<String, Object> result) {
    System.out.println(RESULT_PREFIX + Json.write(result));
    System.out.flush();
  }

  static double secondsSince(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e6) / 1e3;
  }

  /**
   * Writes the lines a generator makes per partition as text files under {@code path}, replacing
   * what is there: one task (and one file) per partition, generated on the executors.
   */
  static void writeGenerated(
      SparkSession spark,
      int partitions,
      org.apache.spark.api.java.function.FlatMapFunction<Integer, String> linesOfPartition,
      String path) {
    List<Integer> indexes = IntStream.range(0, partitions).boxed().toList();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark
        .createDataset(
            jsc.parallelize(indexes, partitions).flatMap(linesOfPartition).rdd(), Encoders.STRING())
        .write()
        .mode(SaveMode.Overwrite)
        .text(path);
  }

  /** Bytes of the files under {@code path}, as its file system reports them. */
  static long bytesUnder(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration())
          .getContentSummary(p)
          .getLength();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the job with what is wrong with its options and its usage (exit status 2). */
  static void usageError(IllegalArgumentException e, String usage) {
    System.err.println("error: " + e.getMessage());
    System.err.println(usage);
    System.exit(2);
  }
}
