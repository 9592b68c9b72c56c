package org.workspaceportal.flashbladesim;

/**
 * The {@code space} block of accounts, buckets and file systems. File systems report no usage;
 * buckets and accounts report the bytes their objects take, with no data reduction and no
 * snapshots, so virtual, unique and physical space are all that number.
 */
record ApiSpace(
    long virtual, long unique, long snapshots, long totalPhysical, double dataReduction) {

  static final ApiSpace EMPTY = new ApiSpace(0, 0, 0, 0, 1.0);

  static ApiSpace stored(long bytes) {
    return new ApiSpace(bytes, bytes, 0, bytes, 1.0);
  }
}
