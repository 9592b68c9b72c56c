package org.workspaceportal.examples;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Isotropic Gaussian blobs for clustering, as scikit-learn's {@code make_blobs} makes them (its
 * defaults: centres uniform in [-10, 10) per feature, standard deviation 1), but generated one
 * partition at a time from a seed, so that a cluster can write any amount of it in parallel and a
 * test knows the true centres without seeing the points.
 *
 * <p>Point {@code i} (0-based, over all partitions) belongs to blob {@code i % centres}, so every
 * blob gets the same number of points, give or take one. A point is one line of text, like the
 * reference notebook's: the features, then the blob's label, separated by single spaces.
 */
public final class Blobs {

  /** Half the width of the box the centres are drawn from ({@code center_box=(-10, 10)}). */
  public static final double CENTRE_BOX = 10.0;

  /** Standard deviation of every feature around its blob's centre ({@code cluster_std=1}). */
  public static final double STD = 1.0;

  private static final int DECIMALS = 4;
  private static final double SCALE = 10_000.0;

  /**
   * What to generate.
   *
   * @param samples points in all
   * @param features dimensions of a point
   * @param centres blobs
   * @param partitions parts the points are generated and written in (files of the output)
   * @param seed everything follows from it
   */
  public record Spec(long samples, int features, int centres, int partitions, long seed)
      implements Serializable {

    public Spec {
      positive("samples", samples);
      positive("features", features);
      positive("centres", centres);
      positive("partitions", partitions);
      if (samples < centres) {
        throw new IllegalArgumentException(
            "samples (" + samples + ") must be at least centres (" + centres + ")");
      }
    }
  }

  private final Spec spec;
  private final double[][] centres;

  public Blobs(Spec spec) {
    this.spec = spec;
    SplitMix64 random = new SplitMix64(spec.seed());
    centres = new double[spec.centres()][spec.features()];
    for (double[] centre : centres) {
      for (int f = 0; f < centre.length; f++) {
        centre[f] = (2 * random.nextDouble() - 1) * CENTRE_BOX;
      }
    }
  }

  public Spec spec() {
    return spec;
  }

  /** The true centres, one row per label (a copy). */
  public double[][] centres() {
    double[][] copy = new double[centres.length][];
    for (int c = 0; c < centres.length; c++) {
      copy[c] = centres[c].clone();
    }
    return copy;
  }

  public int label(long index) {
    return (int) (index % spec.centres());
  }

  /** How many points each blob gets. */
  public long[] pointsPerLabel() {
    long[] counts = new long[spec.centres()];
    long whole = spec.samples() / spec.centres();
    long rest = spec.samples() % spec.centres();
    for (int c = 0; c < counts.length; c++) {
      counts[c] = whole + (c < rest ? 1 : 0);
    }
    return counts;
  }

  /** Index of the first point of a partition; {@code partition = partitions} gives the end. */
  public long firstIndex(int partition) {
    return spec.samples() * partition / spec.partitions();
  }

  /** The lines of one partition, made as they are read. */
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
        int label = label(next++);
        double[] centre = centres[label];
        StringBuilder line = new StringBuilder(centre.length * 9);
        for (double c : centre) {
          appendFixed(line, c + STD * random.nextGaussian());
          line.append(' ');
        }
        return line.append(label).toString();
      }
    };
  }

  /** The features of a line (all but its last field). */
  public static double[] features(String line) {
    String[] fields = line.trim().split(" ");
    double[] features = new double[fields.length - 1];
    for (int f = 0; f < features.length; f++) {
      features[f] = Double.parseDouble(fields[f]);
    }
    return features;
  }

  /** The label of a line (its last field; written as an integer, read as a number). */
  public static int label(String line) {
    String trimmed = line.trim();
    return (int) Double.parseDouble(trimmed.substring(trimmed.lastIndexOf(' ') + 1));
  }

  /** {@value #DECIMALS} decimals, without the cost of {@link String#format}. */
  static void appendFixed(StringBuilder out, double value) {
    long scaled = Math.round(value * SCALE);
    if (scaled < 0) {
      out.append('-');
      scaled = -scaled;
    }
    long fraction = scaled % (long) SCALE;
    out.append(scaled / (long) SCALE).append('.');
    for (long digit = (long) SCALE / 10; digit > 1 && fraction < digit; digit /= 10) {
      out.append('0');
    }
    out.append(fraction);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
