package org.workspaceportal.examples.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.workspaceportal.examples.JobArgs;
import org.workspaceportal.examples.Json;
import org.workspaceportal.examples.RedditComments;
import org.workspaceportal.examples.RedditComments.AuthorCount;
import org.workspaceportal.examples.TopAuthorsCheck;

/**
 * The reference post's second workload: the most active authors of Reddit comments read as JSON
 * ({@code spark.read.json}), without {@value RedditComments#DELETED}. The comments are generated
 * first (a known number per author, see {@link RedditComments}), so the answer can be checked.
 */
public final class RedditTopAuthorsJob {

  static final String USAGE =
      """
      usage: spark-submit --class org.workspaceportal.examples.spark.RedditTopAuthorsJob workspace-examples.jar \\
               --data URI [--comments 100000] [--authors 5000] [--partitions 4] [--top 20] \\
               [--seed 7] [--no-generate]
        --data        folder for the data, e.g. s3a://BUCKET/examples/reddit (its comments/ is replaced)
        --no-generate query the comments a previous run wrote there (same sizes and seed)""";

  private RedditTopAuthorsJob() {}

  record Options(RedditComments.Spec comments, String data, int top, boolean generate) {

    static Options parse(String[] args) {
      JobArgs a =
          JobArgs.parse(
              args,
              Set.of("data", "comments", "authors", "partitions", "top", "seed"),
              Set.of("no-generate"));
      RedditComments.Spec spec =
          new RedditComments.Spec(
              a.number("comments", 100_000),
              a.integer("authors", 5_000),
              a.integer("partitions", 4),
              a.number("seed", 7));
      Options options =
          new Options(spec, a.string("data"), a.integer("top", 20), !a.flag("no-generate"));
      new RedditComments(spec).top(options.top()); // fails now, in words, if the top is not unique
      return options;
    }

    String input() {
      return data.replaceAll("/+$", "") + "/comments";
    }
  }

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
    RedditComments.Spec spec = o.comments();
    RedditComments generator = new RedditComments(spec);
    double generateSeconds = 0;
    if (o.generate()) {
      JobOutput.progress(
          "generating "
              + spec.comments()
              + " comments by "
              + spec.authors()
              + " authors into "
              + o.input());
      long t0 = System.nanoTime();
      JobOutput.writeGenerated(
          spark, spec.partitions(), p -> new RedditComments(spec).lines(p), o.input());
      generateSeconds = JobOutput.secondsSince(t0);
    }

    JobOutput.progress("reading " + o.input() + " with spark.read.json and counting per author");
    long t0 = System.nanoTime();
    Dataset<Row> comments = spark.read().json(o.input());
    List<Row> rows =
        comments
            .filter(col("author").notEqual(RedditComments.DELETED))
            .groupBy("author")
            .count()
            .orderBy(col("count").desc(), col("author").asc())
            .limit(o.top())
            .collectAsList();
    double querySeconds = JobOutput.secondsSince(t0);
    List<AuthorCount> top = new ArrayList<>();
    for (Row row : rows) {
      top.add(new AuthorCount(row.getString(0), row.getLong(1)));
    }
    JobOutput.progress(
        "top " + top.size() + " authors in " + querySeconds + " s; counting all comments");
    long read = comments.count();
    long deleted = comments.filter(col("author").equalTo(RedditComments.DELETED)).count();

    List<AuthorCount> expected = generator.top(o.top());
    TopAuthorsCheck.Result check = TopAuthorsCheck.check(expected, top);
    JobOutput.result(
        Json.object(
            "workload", "reddit-top-authors",
            "engine", "java-job",
            "input", o.input(),
            "comments", spec.comments(),
            "authors", spec.authors(),
            "partitions", spec.partitions(),
            "seed", spec.seed(),
            "generate_seconds", generateSeconds,
            "query_seconds", querySeconds,
            "comments_read", read,
            "input_bytes", JobOutput.bytesUnder(spark, o.input()),
            "deleted_read", deleted,
            "deleted_expected", generator.deleted(),
            "top", authorCounts(top),
            "expected_top", authorCounts(expected),
            "check", Json.object("passed", check.passed(), "problems", check.problems()),
            "sample_lines", sampleLines(spec)));
  }

  /** The first line of every partition (null for an empty one): notebooks compare their port. */
  private static List<String> sampleLines(RedditComments.Spec spec) {
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < spec.partitions(); p++) {
      Iterator<String> partition = new RedditComments(spec).lines(p);
      lines.add(partition.hasNext() ? partition.next() : null);
    }
    return lines;
  }

  private static List<Object> authorCounts(List<AuthorCount> list) {
    List<Object> json = new ArrayList<>();
    for (AuthorCount a : list) {
      json.add(Json.object("author", a.author(), "count", a.count()));
    }
    return json;
  }
}
