package org.workspaceportal.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the centres a KMeans run found are where the generated blobs put them.
 *
 * <p>KMeans with random initialisation and a few iterations rarely finds every blob: it starts from
 * k random points, so some blobs get two starting centres (and are shared by them) and others none
 * (their points join a neighbouring blob's centre, which settles between the two). A check that
 * every true centre was found would fail on a correct run. What always holds is Lloyd's update:
 * each centre is the mean of the points assigned to it. So, given which blob's points each centre
 * was computed from (its <em>composition</em>: the assignment by the centres before the last
 * iteration), a centre must lie near the mean of those blobs' true centres, weighted by the points.
 * That catches data read wrongly (a shifted column, the label read as a feature, lost files) and a
 * broken algorithm, and it is exact whatever the initialisation did.
 *
 * <p>The tolerance of a centre made from {@code n} points in {@code d} dimensions is {@value
 * #SHARED_BLOB_ALLOWANCE} plus three standard errors of a mean, {@code 3 · STD · sqrt(d / n)}: the
 * mean of {@code n} points of unit variance lies about {@code sqrt(d / n)} from the mean of their
 * centres; and a blob shared by several centres is cut into parts whose means lie off its centre
 * (for two halves, 0.8 standard deviations along the cut; the allowance covers up to four parts).
 * True centres are about 115 apart in 200 dimensions, so a wrong centre is far outside it.
 */
public final class KMeansCheck {

  /** Allowance for a centre that holds only a part of a blob (see the class comment). */
  public static final double SHARED_BLOB_ALLOWANCE = 1.5;

  /** A blob counts as recovered when one centre holds at least this share of its points, alone. */
  public static final double RECOVERED_SHARE = 0.99;

  private KMeansCheck() {}

  /**
   * One found centre.
   *
   * @param points the points it was computed from
   * @param distance from the points-weighted mean of their blobs' true centres (NaN when empty)
   * @param mainLabel the blob most of its points come from (-1 when empty)
   * @param purity the share of its points from that blob
   */
  public record Centre(
      int index,
      long points,
      double distance,
      double tolerance,
      int mainLabel,
      double purity,
      boolean withinTolerance) {}

  /**
   * The verdict.
   *
   * @param recoveredBlobs blobs whose points one centre holds (nearly) all of and only, within
   *     tolerance of the true centre: what a run "found"; for information, not part of the verdict
   * @param problems why it did not pass, in words; empty when it passed
   */
  public record Result(
      boolean passed, List<Centre> centres, int recoveredBlobs, List<String> problems) {}

  /**
   * @param trueCentres the generator's centres, one row per label
   * @param pointsPerLabel how many points the generator made per label
   * @param found the centres KMeans found
   * @param composition {@code composition[j][l]}: points of label {@code l} that centre {@code j}
   *     was computed from
   */
  public static Result check(
      double[][] trueCentres, long[] pointsPerLabel, double[][] found, long[][] composition) {
    List<String> problems = new ArrayList<>();
    int labels = trueCentres.length;
    int dims = trueCentres[0].length;
    if (composition.length != found.length) {
      problems.add(
          "composition has " + composition.length + " rows for " + found.length + " centres");
      return new Result(false, List.of(), 0, problems);
    }
    for (int j = 0; j < found.length; j++) {
      if (found[j].length != dims || composition[j].length != labels) {
        problems.add(
            "centre "
                + j
                + " has "
                + found[j].length
                + " features and "
                + composition[j].length
                + " labels; the generator made "
                + dims
                + " and "
                + labels);
        return new Result(false, List.of(), 0, problems);
      }
    }
    for (int l = 0; l < labels; l++) {
      long assigned = 0;
      for (long[] row : composition) {
        assigned += row[l];
      }
      if (assigned != pointsPerLabel[l]) {
        problems.add(
            "blob "
                + l
                + ": "
                + assigned
                + " points were clustered, the generator made "
                + pointsPerLabel[l]);
      }
    }
    List<Centre> centres = new ArrayList<>();
    boolean[] recovered = new boolean[labels];
    for (int j = 0; j < found.length; j++) {
      Centre centre = centre(j, trueCentres, found[j], composition[j]);
      centres.add(centre);
      if (centre.points() > 0 && !centre.withinTolerance()) {
        problems.add(
            String.format(
                Locale.ROOT,
                "centre %d is %.3f from the mean of its %d points' true centres (tolerance %.3f)",
                j,
                centre.distance(),
                centre.points(),
                centre.tolerance()));
      }
      if (centre.withinTolerance()
          && centre.purity() >= RECOVERED_SHARE
          && composition[j][centre.mainLabel()]
              >= RECOVERED_SHARE * pointsPerLabel[centre.mainLabel()]) {
        recovered[centre.mainLabel()] = true;
      }
    }
    int recoveredBlobs = 0;
    for (boolean r : recovered) {
      recoveredBlobs += r ? 1 : 0;
    }
    return new Result(
        problems.isEmpty(), List.copyOf(centres), recoveredBlobs, List.copyOf(problems));
  }

  /** Tolerance for a centre computed from {@code points} points in {@code dims} dimensions. */
  public static double tolerance(long points, int dims) {
    return SHARED_BLOB_ALLOWANCE + 3 * Blobs.STD * Math.sqrt((double) dims / points);
  }

  private static Centre centre(int j, double[][] trueCentres, double[] found, long[] composition) {
    int dims = found.length;
    long points = 0;
    int mainLabel = -1;
    for (int l = 0; l < composition.length; l++) {
      points += composition[l];
      if (composition[l] > 0 && (mainLabel < 0 || composition[l] > composition[mainLabel])) {
        mainLabel = l;
      }
    }
    if (points == 0) {
      // MLlib leaves a centre that got no points where it was; nothing to compare it with.
      return new Centre(j, 0, Double.NaN, Double.NaN, -1, 0, false);
    }
    double[] expected = new double[dims];
    for (int l = 0; l < composition.length; l++) {
      double weight = (double) composition[l] / points;
      for (int f = 0; f < dims; f++) {
        expected[f] += weight * trueCentres[l][f];
      }
    }
    double sum = 0;
    for (int f = 0; f < dims; f++) {
      double d = found[f] - expected[f];
      sum += d * d;
    }
    double distance = Math.sqrt(sum);
    double tolerance = tolerance(points, dims);
    return new Centre(
        j,
        points,
        distance,
        tolerance,
        mainLabel,
        (double) composition[mainLabel] / points,
        distance <= tolerance);
  }
}
