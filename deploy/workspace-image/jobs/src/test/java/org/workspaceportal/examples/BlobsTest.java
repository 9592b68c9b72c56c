package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobsTest {

  private static final Blobs.Spec SMALL = new Blobs.Spec(1_003, 20, 5, 3, 42);

  @Test
  void centresLieInTheBoxAndFollowFromTheSeed() {
    double[][] centres = new Blobs(SMALL).centres();
    assertThat(centres).hasDimensions(5, 20);
    for (double[] centre : centres) {
      for (double x : centre) {
        assertThat(x).isBetween(-10.0, 10.0);
      }
    }
    assertThat(new Blobs(SMALL).centres()).isDeepEqualTo(centres);
    assertThat(new Blobs(new Blobs.Spec(1_003, 20, 5, 3, 43)).centres()[0])
        .isNotEqualTo(centres[0]);
  }

  @Test
  void thePartitionsTogetherHoldEveryPointOnceWithBalancedLabels() {
    Blobs blobs = new Blobs(SMALL);
    List<String> lines = allLines(blobs);
    assertThat(lines).hasSize(1_003);
    long[] perLabel = new long[5];
    for (String line : lines) {
      assertThat(line.split(" ")).hasSize(21);
      perLabel[Blobs.label(line)]++;
    }
    assertThat(perLabel).containsExactly(blobs.pointsPerLabel());
    assertThat(blobs.pointsPerLabel()).containsExactly(201, 201, 201, 200, 200);
    assertThat(allLines(new Blobs(SMALL))).isEqualTo(lines);
  }

  @Test
  void pointsScatterAroundTheirCentreWithUnitDeviation() {
    Blobs blobs = new Blobs(new Blobs.Spec(5_000, 50, 5, 2, 9));
    double[][] centres = blobs.centres();
    double[][] sums = new double[5][50];
    double squares = 0;
    for (String line : allLines(blobs)) {
      int label = Blobs.label(line);
      double[] x = Blobs.features(line);
      for (int f = 0; f < x.length; f++) {
        sums[label][f] += x[f];
        double d = x[f] - centres[label][f];
        squares += d * d;
      }
    }
    for (int c = 0; c < 5; c++) {
      double distance = 0;
      for (int f = 0; f < 50; f++) {
        double d = sums[c][f] / 1_000 - centres[c][f];
        distance += d * d;
      }
      // the mean of 1000 points lies about sqrt(50 / 1000) = 0.22 from the centre
      assertThat(Math.sqrt(distance)).isLessThan(0.5);
    }
    assertThat(squares / (5_000 * 50)).isBetween(0.97, 1.03);
  }

  @Test
  void linesParseBackToTheirFeaturesAndLabel() {
    String line = new Blobs(SMALL).lines(1).next();
    double[] features = Blobs.features(line);
    assertThat(features).hasSize(20);
    assertThat(line).startsWith(format(features[0]) + " ");
    // partition 1 of 3 starts at point 1003 / 3 = 334, of blob 334 % 5
    assertThat(Blobs.label(line)).isEqualTo(4);
    assertThat(line).endsWith(" 4");
    assertThat(Blobs.label("0.5 -1.25 3.0")).isEqualTo(3);
  }

  @Test
  void numbersAreWrittenWithFourDecimals() {
    assertThat(format(0)).isEqualTo("0.0000");
    assertThat(format(-0.00004)).isEqualTo("0.0000");
    assertThat(format(1.5)).isEqualTo("1.5000");
    assertThat(format(-12.34567)).isEqualTo("-12.3457");
    assertThat(format(0.0005)).isEqualTo("0.0005");
    assertThat(format(9.99996)).isEqualTo("10.0000");
  }

  @Test
  void badSpecsAreRefusedInWords() {
    assertThatThrownBy(() -> new Blobs.Spec(0, 2, 1, 1, 1)).hasMessageContaining("samples");
    assertThatThrownBy(() -> new Blobs.Spec(3, 2, 5, 1, 1)).hasMessageContaining("at least");
    assertThatThrownBy(() -> new Blobs(SMALL).lines(3)).hasMessageContaining("partition 3");
  }

  private static List<String> allLines(Blobs blobs) {
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < blobs.spec().partitions(); p++) {
      Iterator<String> it = blobs.lines(p);
      it.forEachRemaining(lines::add);
    }
    return lines;
  }

  private static String format(double value) {
    StringBuilder out = new StringBuilder();
    Blobs.appendFixed(out, value);
    return out.toString();
  }
}
