package org.workspaceportal.flashbladesim;

/**
 * The {@code space} block of accounts, buckets and file systems; the simulator reports no usage.
 */
record ApiSpace(
    long virtual, long unique, long snapshots, long totalPhysical, double dataReduction) {

  static final ApiSpace EMPTY = new ApiSpace(0, 0, 0, 0, 1.0);
}
