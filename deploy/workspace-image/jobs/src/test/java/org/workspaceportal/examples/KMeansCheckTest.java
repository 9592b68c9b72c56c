package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KMeansCheckTest {

  private static final double[][] TRUE = {{0, 0, 0, 0}, {10, 0, 0, 0}, {0, 10, 0, 0}};
  private static final long[] POINTS = {100, 100, 100};

  @Test
  void centresOnTheirBlobsPassAndCountAsRecovered() {
    double[][] found = {{0.1, 0, 0, 0}, {10, 0.2, 0, 0}, {0, 10, -0.1, 0}};
    long[][] composition = {{100, 0, 0}, {0, 100, 0}, {0, 0, 100}};

    KMeansCheck.Result result = KMeansCheck.check(TRUE, POINTS, found, composition);

    assertThat(result.passed()).isTrue();
    assertThat(result.problems()).isEmpty();
    assertThat(result.recoveredBlobs()).isEqualTo(3);
    assertThat(result.centres()).allSatisfy(c -> assertThat(c.purity()).isEqualTo(1.0));
  }

  @Test
  void aCentreBetweenTwoBlobsPassesWhereTheirPointsPutItAndAnotherSharesABlob() {
    // random starts: blob 0 got no centre, so its points went to blob 1's; blob 2 got two
    double[][] found = {{5, 0.1, 0, 0}, {0.5, 10, 0, 0}, {-0.5, 10, 0, 0}};
    long[][] composition = {{100, 100, 0}, {0, 0, 50}, {0, 0, 50}};

    KMeansCheck.Result result = KMeansCheck.check(TRUE, POINTS, found, composition);

    assertThat(result.passed()).as("%s", result.problems()).isTrue();
    assertThat(result.recoveredBlobs()).isZero();
    assertThat(result.centres().get(0).purity()).isEqualTo(0.5);
  }

  @Test
  void aCentreAwayFromItsPointsFailsAndSaysWhichAndHowFar() {
    double[][] found = {{0, 0, 0, 0}, {10, 0, 0, 5}, {0, 10, 0, 0}};
    long[][] composition = {{100, 0, 0}, {0, 100, 0}, {0, 0, 100}};

    KMeansCheck.Result result = KMeansCheck.check(TRUE, POINTS, found, composition);

    assertThat(result.passed()).isFalse();
    assertThat(result.problems()).singleElement().asString().contains("centre 1 is 5.000 from");
  }

  @Test
  void pointsLostOrInventedFailTheCheck() {
    double[][] found = {{0, 0, 0, 0}, {10, 0, 0, 0}, {0, 10, 0, 0}};
    long[][] composition = {{100, 0, 0}, {0, 90, 0}, {0, 0, 100}};

    KMeansCheck.Result result = KMeansCheck.check(TRUE, POINTS, found, composition);

    assertThat(result.passed()).isFalse();
    assertThat(result.problems())
        .containsExactly("blob 1: 90 points were clustered, the generator made 100");
  }

  @Test
  void anEmptyCentreIsReportedButIsNoFailure() {
    double[][] found = {{0, 0, 0, 0}, {10, 0, 0, 0}, {0, 10, 0, 0}, {99, 99, 99, 99}};
    long[][] composition = {{100, 0, 0}, {0, 100, 0}, {0, 0, 100}, {0, 0, 0}};

    KMeansCheck.Result result = KMeansCheck.check(TRUE, POINTS, found, composition);

    assertThat(result.passed()).isTrue();
    assertThat(result.centres().get(3).points()).isZero();
  }

  @Test
  void centresOfTheWrongShapeFail() {
    double[][] found = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}};
    long[][] composition = {{100, 0, 0}, {0, 100, 0}, {0, 0, 100}};

    assertThat(KMeansCheck.check(TRUE, POINTS, found, composition).problems())
        .singleElement()
        .asString()
        .contains("3 features");
  }

  @Test
  void theToleranceShrinksWithMorePoints() {
    assertThat(KMeansCheck.tolerance(200, 200)).isEqualTo(4.5);
    assertThat(KMeansCheck.tolerance(800, 200)).isEqualTo(3.0);
  }
}
