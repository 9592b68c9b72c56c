package org.workspaceportal.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured values of one figure, in seconds; nearest-rank percentiles. */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double seconds) {
    values.add(seconds);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double p(int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** {@code "p50 / p95"}, or a dash when nothing was measured. */
  String p50p95() {
    return values.isEmpty() ? "–" : String.format("%.2f / %.2f", p(50), p(95));
  }
}
