package org.workspaceportal.examples;

/**
 * A small pseudo-random generator whose output is fixed by its specification (Steele, Lea and
 * Flood's SplitMix64), unlike {@link java.util.SplittableRandom}'s Gaussian, which may change
 * between JDKs: the generators must give the same data on the cluster's Java 17 as in the portal's
 * tests. The example notebooks carry a Python port of {@link #nextLong()} and {@link
 * #nextInt(int)}.
 */
public final class SplitMix64 {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;
  private double spareGaussian = Double.NaN;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** A generator of its own for one part of the data (a partition), independent of the others. */
  public static SplitMix64 forStream(long seed, long stream) {
    return new SplitMix64(mix(seed + mix(stream * GOLDEN_GAMMA + 1)));
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, bound), for a positive bound (the tiny modulo bias does not matter here). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return (int) ((nextLong() >>> 1) % bound);
  }

  /** Uniform in [0, 1), with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /**
   * Standard normal, by the Box-Muller transform with {@link StrictMath}, whose results are the
   * same on every JVM.
   */
  public double nextGaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double z = spareGaussian;
      spareGaussian = Double.NaN;
      return z;
    }
    double u1 = 1.0 - nextDouble(); // (0, 1]: the logarithm stays finite
    double u2 = nextDouble();
    double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
    double theta = 2.0 * StrictMath.PI * u2;
    spareGaussian = r * StrictMath.sin(theta);
    return r * StrictMath.cos(theta);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
