package org.workspaceportal.workspace.runtime;

/**
 * What some roles hold on the hosts while they run, beside what the hosts offer in all: the cost of
 * a warm pool, for the admin who sizes it.
 *
 * @param cores cores the roles reserve
 * @param memoryMb memory the roles reserve (the runtime's overheads included)
 * @param hostCores cores the usable hosts offer in all (up, not drained)
 * @param hostMemoryMb memory the usable hosts offer in all
 */
public record Footprint(int cores, int memoryMb, int hostCores, int hostMemoryMb) {

  /** This footprint n times over. */
  public Footprint times(int n) {
    return new Footprint(cores * n, memoryMb * n, hostCores, hostMemoryMb);
  }

  /** Its cores as a whole percentage of the hosts' (0 when no host offers any). */
  public int coresPercent() {
    return percent(cores, hostCores);
  }

  /** Its memory as a whole percentage of the hosts'. */
  public int memoryPercent() {
    return percent(memoryMb, hostMemoryMb);
  }

  private static int percent(long part, long whole) {
    return whole <= 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }
}
