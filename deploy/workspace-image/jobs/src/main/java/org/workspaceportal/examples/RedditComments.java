package org.workspaceportal.examples;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reddit-style comments as JSON lines (the fields of the public Reddit comment dumps: {@code
 * author}, {@code subreddit}, {@code body}, {@code score}, {@code created_utc}, {@code id}), with a
 * known number of comments per author, so that a test knows the exact answer of "top authors".
 *
 * <p>Authors follow Zipf's law: the author of rank {@code r} writes {@code C / r} comments (integer
 * division), {@code C} the largest that fits, and the few comments left over go one each to the
 * least active authors. A tenth of all comments have the author {@value #DELETED}, as deleted
 * accounts appear in the dumps: more than any real author, so a query that forgets to drop them
 * shows it. The comments are shuffled by a fixed permutation of their positions, so every file has
 * every kind of author.
 *
 * <p>The example notebook carries a Python port of {@link #counts()}, {@link #author(int)} and the
 * permutation; keep them in step.
 */
public final class RedditComments {

  public static final String DELETED = "[deleted]";

  /** Percentage of comments by {@value #DELETED}. */
  public static final int DELETED_PERCENT = 10;

  /** The largest number of comments (positions are permuted with 64-bit arithmetic). */
  public static final long MAX_COMMENTS = Integer.MAX_VALUE;

  /** Authors get distinct names for at most this many ranks (see {@link #author(int)}). */
  public static final int MAX_AUTHORS = 100_000;

  private static final long NAME_PRIME = 100_003;
  private static final String[] ADJECTIVES = {
    "Quiet", "Brave", "Lazy", "Witty", "Grumpy", "Sunny", "Odd", "Fuzzy",
    "Clever", "Salty", "Rusty", "Mellow", "Nimble", "Cosmic", "Spicy", "Humble"
  };
  private static final String[] NOUNS = {
    "Otter", "Falcon", "Badger", "Walrus", "Panda", "Lynx", "Heron", "Gecko",
    "Moose", "Raven", "Koala", "Bison", "Ferret", "Puffin", "Yak", "Newt"
  };
  private static final String[] SUBREDDITS =
      ("AskReddit datascience apachespark MachineLearning programming dataengineering python java"
              + " storage sysadmin aws linux")
          .split(" ");
  private static final String[] WORDS =
      ("spark cluster data storage flash object bucket query fast slow cache memory disk network"
              + " shuffle join partition executor driver notebook python java scala json parquet"
              + " the a is was really think works broke again today never always why how thanks")
          .split(" ");
  private static final long FIRST_CREATED_UTC = 1_430_438_400L; // 2015-05-01, the dumps' month

  /**
   * What to generate.
   *
   * @param comments comments in all, deleted ones included
   * @param authors distinct authors (not counting {@value #DELETED})
   * @param partitions parts the comments are generated and written in
   */
  public record Spec(long comments, int authors, int partitions, long seed)
      implements Serializable {

    public Spec {
      if (comments <= 0 || comments > MAX_COMMENTS) {
        throw new IllegalArgumentException(
            "comments must be in [1, " + MAX_COMMENTS + "], got " + comments);
      }
      if (authors <= 0 || authors > MAX_AUTHORS) {
        throw new IllegalArgumentException(
            "authors must be in [1, " + MAX_AUTHORS + "], got " + authors);
      }
      if (partitions <= 0) {
        throw new IllegalArgumentException("partitions must be positive, got " + partitions);
      }
    }
  }

  /** An author and their number of comments. */
  public record AuthorCount(String author, long count) {}

  private final Spec spec;
  private final long[] counts; // [0] = DELETED, [r] = the author of rank r
  private final long[] starts; // starts[r]: first permuted position of rank r; starts[last] = N
  private final long multiplier;
  private final long offset;

  public RedditComments(Spec spec) {
    this.spec = spec;
    this.counts = counts(spec);
    this.starts = new long[counts.length + 1];
    for (int r = 0; r < counts.length; r++) {
      starts[r + 1] = starts[r] + counts[r];
    }
    this.multiplier = coprimeMultiplier(spec.comments());
    this.offset = Math.floorMod(spec.seed(), spec.comments());
  }

  public Spec spec() {
    return spec;
  }

  /** Comments by {@value #DELETED}. */
  public long deleted() {
    return counts[0];
  }

  /** Comments per author, most active first, without {@value #DELETED}. */
  public List<AuthorCount> counts() {
    List<AuthorCount> list = new ArrayList<>(spec.authors());
    for (int r = 1; r < counts.length; r++) {
      list.add(new AuthorCount(author(r), counts[r]));
    }
    return list;
  }

  /**
   * The {@code n} most active authors, which is what the query must find. Their counts are
   * distinct, and distinct from the next author's, so the answer is unique.
   *
   * @throws IllegalArgumentException when the spec gives ties there (too few comments per author)
   */
  public List<AuthorCount> top(int n) {
    if (n < 1 || n > spec.authors()) {
      throw new IllegalArgumentException("n must be in [1, authors], got " + n);
    }
    for (int r = 1; r < Math.min(n + 1, spec.authors()); r++) {
      if (counts[r] <= counts[r + 1]) {
        throw new IllegalArgumentException(
            "the top "
                + n
                + " is not unique: ranks "
                + r
                + " and "
                + (r + 1)
                + " both have "
                + counts[r]
                + " comments (make more comments or fewer authors)");
      }
    }
    return counts().subList(0, n);
  }

  /**
   * The name of the author of rank {@code rank} (1 = most active), Reddit-like and unique: an
   * adjective, an animal and a number, all derived from a bijection of the rank.
   */
  public static String author(int rank) {
    long code = (rank * 7919L + 13) % NAME_PRIME;
    return ADJECTIVES[(int) (code % ADJECTIVES.length)]
        + NOUNS[(int) (code / ADJECTIVES.length % NOUNS.length)]
        + code;
  }

  /** The author of comment {@code index}: the rank whose range holds its permuted position. */
  public String authorOf(long index) {
    long position = Math.floorMod(multiplier * index + offset, spec.comments());
    int rank = Arrays.binarySearch(starts, position);
    rank = rank >= 0 ? rank : -rank - 2;
    // skip ranks with no comments (binarySearch may land on any of equal starts)
    while (counts[rank] == 0 || starts[rank + 1] <= position) {
      rank++;
    }
    return rank == 0 ? DELETED : author(rank);
  }

  /** Index of the first comment of a partition; {@code partition = partitions} gives the end. */
  public long firstIndex(int partition) {
    return spec.comments() * partition / spec.partitions();
  }

  /** The JSON lines of one partition, made as they are read. */
  public Iterator<String> lines(int partition) {
    if (partition < 0 || partition >= spec.partitions()) {
      throw new IllegalArgumentException(
          "partition " + partition + " is not in [0, " + spec.partitions() + ")");
    }
    SplitMix64 random = SplitMix64.forStream(spec.seed(), partition);
    long end = firstIndex(partition + 1);
    return new Iterator<>() {
      private long next = firstIndex(partition);

      @Override
      public boolean hasNext() {
        return next < end;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long index = next++;
        StringBuilder body = new StringBuilder();
        int words = 4 + random.nextInt(16);
        for (int w = 0; w < words; w++) {
          body.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        // scores are skewed too: most comments get a few points, a few get many
        long score = (long) (1 / (1 - 0.999 * random.nextDouble())) - random.nextInt(3);
        return Json.write(
            Json.object(
                "author",
                authorOf(index),
                "subreddit",
                SUBREDDITS[random.nextInt(SUBREDDITS.length)],
                "body",
                body.toString(),
                "score",
                score,
                "created_utc",
                FIRST_CREATED_UTC + index * 2_592_000L / spec.comments(),
                "id",
                Long.toString(index + 36L * 36 * 36 * 36, 36)));
      }
    };
  }

  /** [0] = deleted, then C / r per rank, the rest one each to the least active. */
  private static long[] counts(Spec spec) {
    long deleted = spec.comments() * DELETED_PERCENT / 100;
    long rest = spec.comments() - deleted;
    int authors = spec.authors();
    long low = 0;
    long high = rest;
    while (low < high) { // the largest C with sum(C / r) <= rest
      long mid = (low + high + 1) >>> 1;
      if (zipfTotal(mid, authors) <= rest) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    long c = low;
    if (c < authors) {
      throw new IllegalArgumentException(
          "too few comments for "
              + authors
              + " authors: the least active would write none (make more comments or fewer"
              + " authors)");
    }
    long[] counts = new long[authors + 1];
    counts[0] = deleted;
    for (int r = 1; r <= authors; r++) {
      counts[r] = c / r;
    }
    // less than the number of divisors of C + 1 are left, so fewer than the authors
    long left = rest - zipfTotal(c, authors);
    for (int r = authors; left > 0; r--, left--) {
      counts[r]++;
    }
    return counts;
  }

  private static long zipfTotal(long c, int authors) {
    long total = 0;
    for (int r = 1; r <= authors; r++) {
      total += c / r;
    }
    return total;
  }

  /** An odd-ish multiplier near N times the golden ratio's fraction, coprime with N. */
  private static long coprimeMultiplier(long n) {
    long a = Math.max(1, n * 618_034 / 1_000_000);
    while (gcd(a, n) != 1) {
      a++;
    }
    return a;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
