package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

  @Test
  void producesTheReferenceSequence() {
    // the reference implementation's first outputs for seed 0 (the notebooks' Python port too)
    SplitMix64 random = new SplitMix64(0);
    assertThat(random.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    assertThat(random.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
  }

  @Test
  void theSameSeedGivesTheSameNumbersAndStreamsDiffer() {
    assertThat(new SplitMix64(42).nextGaussian()).isEqualTo(new SplitMix64(42).nextGaussian());
    assertThat(SplitMix64.forStream(42, 0).nextLong())
        .isNotEqualTo(SplitMix64.forStream(42, 1).nextLong());
  }

  @Test
  void gaussiansHaveMeanZeroAndVarianceOne() {
    SplitMix64 random = new SplitMix64(7);
    int n = 200_000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      double z = random.nextGaussian();
      sum += z;
      squares += z * z;
    }
    assertThat(sum / n).isCloseTo(0, within(0.01));
    assertThat(squares / n).isCloseTo(1, within(0.02));
  }

  @Test
  void uniformNumbersStayInTheirRange() {
    SplitMix64 random = new SplitMix64(3);
    for (int i = 0; i < 10_000; i++) {
      assertThat(random.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
      assertThat(random.nextInt(7)).isBetween(0, 6);
    }
    assertThatThrownBy(() -> random.nextInt(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
