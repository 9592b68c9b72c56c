package org.workspaceportal.workspace.quota;

/** A user's limits and what they use now. */
public record Quota(int maxWorkspaces, int usedWorkspaces, int maxWorkers, int usedWorkers) {

  /** True when one more workspace with {@code workers} workers fits both limits. */
  public boolean allows(int workers) {
    return usedWorkspaces + 1 <= maxWorkspaces && usedWorkers + workers <= maxWorkers;
  }

  /** Throws if adding one workspace with {@code workers} workers would break a limit. */
  public void check(int workers) {
    if (usedWorkspaces + 1 > maxWorkspaces) {
      throw new QuotaExceededException(
          "Quota exceeded: at most "
              + maxWorkspaces
              + " live workspaces are allowed and you have "
              + usedWorkspaces
              + ".");
    }
    if (usedWorkers + workers > maxWorkers) {
      throw new QuotaExceededException(
          "Quota exceeded: at most "
              + maxWorkers
              + " workers in total are allowed; you use "
              + usedWorkers
              + " and asked for "
              + workers
              + " more.");
    }
  }

  /** Throws if {@code more} workers added to a workspace already counted would break the limit. */
  public void checkMoreWorkers(int more) {
    if (more > 0 && usedWorkers + more > maxWorkers) {
      throw new QuotaExceededException(
          "Quota exceeded: at most "
              + maxWorkers
              + " workers in total are allowed; you use "
              + usedWorkers
              + " and asked for "
              + more
              + " more.");
    }
  }
}
