package org.workspaceportal.examples.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.clustering.KMeans;
import org.apache.spark.mllib.clustering.KMeansModel;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.workspaceportal.examples.Blobs;
import org.workspaceportal.examples.JobArgs;
import org.workspaceportal.examples.Json;
import org.workspaceportal.examples.KMeansCheck;
import scala.Tuple2;

/**
 * The reference post's first workload: KMeans on {@code make_blobs}-style data read as text, once
 * with the data uncached and once cached ({@code persist()}), with the time of every iteration.
 *
 * <p>Each iteration is its own one-iteration {@code KMeans.run}, continuing from the previous model
 * (the first starts from random points): the same Lloyd steps as one five-iteration run, but each
 * one timed, and the centres before the last step known, which the check needs (see {@link
 * KMeansCheck}). MLlib's KMeans caches only the points' norms, so uncached every iteration reads
 * and parses the text again: that is the difference the timings show.
 */
public final class KMeansJob {

  static final String USAGE =
      """
      usage: spark-submit --class org.workspaceportal.examples.spark.KMeansJob workspace-examples.jar \\
               --data URI [--samples 10000] [--features 200] [--centres 25] [--partitions 4] \\
               [--k 25] [--iterations 5] [--seed 42] [--no-generate]
        --data        folder for the data, e.g. s3a://BUCKET/examples/kmeans (its blobs/ is replaced)
        --no-generate use the data a previous run wrote there (same sizes and seed)""";

  private KMeansJob() {}

  record Options(Blobs.Spec blobs, String data, int k, int iterations, boolean generate) {

    static Options parse(String[] args) {
      JobArgs a =
          JobArgs.parse(
              args,
              Set.of(
                  "data",
                  "samples",
                  "features",
                  "centres",
                  "partitions",
                  "k",
                  "iterations",
                  "seed"),
              Set.of("no-generate"));
      Blobs.Spec blobs =
          new Blobs.Spec(
              a.number("samples", 10_000),
              a.integer("features", 200),
              a.integer("centres", 25),
              a.integer("partitions", 4),
              a.number("seed", 42));
      int k = a.integer("k", blobs.centres());
      int iterations = a.integer("iterations", 5);
      if (k < 1 || iterations < 1) {
        throw new IllegalArgumentException("--k and --iterations must be positive");
      }
      return new Options(blobs, a.string("data"), k, iterations, !a.flag("no-generate"));
    }

    String input() {
      return data.replaceAll("/+$", "") + "/blobs";
    }
  }

  /** One training: the model, the one before its last iteration, and each iteration's time. */
  record Training(KMeansModel model, KMeansModel beforeLast, double[] seconds) {}

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      JobOutput.usageError(e, USAGE);
      return;
    }
    SparkSession spark = SparkSession.builder().getOrCreate();
    try {
      run(spark, options);
    } finally {
      spark.stop();
    }
  }

  static void run(SparkSession spark, Options o) {
    Blobs blobs = new Blobs(o.blobs());
    Blobs.Spec spec = o.blobs();
    double generateSeconds = 0;
    if (o.generate()) {
      JobOutput.progress(
          "generating "
              + spec.samples()
              + " points, "
              + spec.features()
              + " features, "
              + spec.centres()
              + " blobs into "
              + o.input());
      long t0 = System.nanoTime();
      JobOutput.writeGenerated(spark, spec.partitions(), p -> new Blobs(spec).lines(p), o.input());
      generateSeconds = JobOutput.secondsSince(t0);
    }

    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<LabeledPoint> points =
        jsc.textFile(o.input())
            .filter(line -> !line.isBlank())
            .map(line -> new LabeledPoint(Blobs.label(line), Vectors.dense(Blobs.features(line))));
    JavaRDD<Vector> vectors = points.map(LabeledPoint::features);

    JobOutput.progress("training uncached: every iteration reads " + o.input() + " again");
    Training uncached = train(vectors, o);
    JobOutput.progress("caching the parsed points");
    long t0 = System.nanoTime();
    points.persist(StorageLevel.MEMORY_ONLY());
    long count = points.count();
    double cacheSeconds = JobOutput.secondsSince(t0);
    JobOutput.progress("training cached (" + count + " points in memory)");
    Training cached = train(vectors, o);

    double[][] found = centres(cached.model());
    long[][] composition = composition(points, cached.beforeLast(), o.k(), spec.centres());
    KMeansCheck.Result check =
        KMeansCheck.check(blobs.centres(), blobs.pointsPerLabel(), found, composition);
    points.unpersist(false);

    JobOutput.result(
        Json.object(
            "workload", "kmeans",
            "engine", "java-job",
            "input", o.input(),
            "samples", spec.samples(),
            "features", spec.features(),
            "centres", spec.centres(),
            "partitions", spec.partitions(),
            "seed", spec.seed(),
            "k", o.k(),
            "iterations", o.iterations(),
            "points_read", count,
            "input_bytes", JobOutput.bytesUnder(spark, o.input()),
            "generate_seconds", generateSeconds,
            "uncached_iteration_seconds", uncached.seconds(),
            "cache_seconds", cacheSeconds,
            "cached_iteration_seconds", cached.seconds(),
            "uncached_vs_cached_max_difference", maxDifference(centres(uncached.model()), found),
            "true_centres", List.of(blobs.centres()),
            "found_centres", List.of(found),
            "composition", List.of(composition),
            "check", checkJson(check)));
  }

  /** {@code iterations} Lloyd steps, one {@code run} each; the first starts from random points. */
  static Training train(JavaRDD<Vector> vectors, Options o) {
    double[] seconds = new double[o.iterations()];
    KMeansModel model = null;
    KMeansModel beforeLast = null;
    for (int i = 0; i < o.iterations(); i++) {
      KMeans kmeans =
          new KMeans()
              .setK(o.k())
              .setMaxIterations(1)
              .setInitializationMode(KMeans.RANDOM())
              .setSeed(o.blobs().seed());
      if (model != null) {
        kmeans.setInitialModel(model);
      }
      long t0 = System.nanoTime();
      beforeLast = model;
      model = kmeans.run(vectors.rdd());
      seconds[i] = JobOutput.secondsSince(t0);
      JobOutput.progress("  iteration " + (i + 1) + ": " + seconds[i] + " s");
    }
    // With a single iteration the random starting centres are not known: the final ones stand in.
    return new Training(model, beforeLast == null ? model : beforeLast, seconds);
  }

  /** {@code [j][l]}: points of blob {@code l} that {@code assigner} gives to centre {@code j}. */
  static long[][] composition(
      JavaRDD<LabeledPoint> points, KMeansModel assigner, int k, int labels) {
    Map<Tuple2<Integer, Integer>, Long> counts =
        points
            .map(p -> new Tuple2<>(assigner.predict(p.features()), (int) p.label()))
            .countByValue();
    long[][] composition = new long[k][labels];
    counts.forEach((key, n) -> composition[key._1()][key._2()] += n);
    return composition;
  }

  static double[][] centres(KMeansModel model) {
    Vector[] centres = model.clusterCenters();
    double[][] array = new double[centres.length][];
    for (int j = 0; j < centres.length; j++) {
      array[j] = centres[j].toArray();
    }
    return array;
  }

  static double maxDifference(double[][] a, double[][] b) {
    double max = 0;
    for (int j = 0; j < a.length; j++) {
      for (int f = 0; f < a[j].length; f++) {
        max = Math.max(max, Math.abs(a[j][f] - b[j][f]));
      }
    }
    return max;
  }

  static Map<String, Object> checkJson(KMeansCheck.Result check) {
    List<Object> centres = new ArrayList<>();
    for (KMeansCheck.Centre c : check.centres()) {
      centres.add(
          Json.object(
              "index", c.index(),
              "points", c.points(),
              "distance", c.distance(),
              "tolerance", c.tolerance(),
              "main_label", c.mainLabel(),
              "purity", c.purity(),
              "within_tolerance", c.withinTolerance()));
    }
    return Json.object(
        "passed", check.passed(),
        "recovered_blobs", check.recoveredBlobs(),
        "problems", check.problems(),
        "centres", centres);
  }
}
