package org.workspaceportal.workspace.quota;

import java.util.List;

/**
 * A user's limits and what they use now, and those of each of her teams that has a limit (its
 * members together).
 */
public record Quota(
    int maxWorkspaces, int usedWorkspaces, int maxWorkers, int usedWorkers, List<TeamQuota> teams) {

  public Quota {
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  /** A quota of her own only (no team with a limit). */
  public Quota(int maxWorkspaces, int usedWorkspaces, int maxWorkers, int usedWorkers) {
    this(maxWorkspaces, usedWorkspaces, maxWorkers, usedWorkers, List.of());
  }

  /**
   * A team's limits on its members together, and their use.
   *
   * @param maxWorkspaces null: no limit
   * @param maxWorkers null: no limit
   */
  public record TeamQuota(
      String team, Integer maxWorkspaces, int usedWorkspaces, Integer maxWorkers, int usedWorkers) {

    boolean allows(int workspaces, int workers) {
      return (maxWorkspaces == null || usedWorkspaces + workspaces <= maxWorkspaces)
          && (maxWorkers == null || usedWorkers + workers <= maxWorkers);
    }

    void check(int workspaces, int workers) {
      if (maxWorkspaces != null && usedWorkspaces + workspaces > maxWorkspaces) {
        throw new QuotaExceededException(
            "Quota of team "
                + team
                + " exceeded: its members may have at most "
                + maxWorkspaces
                + " live workspaces together and have "
                + usedWorkspaces
                + ".");
      }
      if (maxWorkers != null && usedWorkers + workers > maxWorkers) {
        throw new QuotaExceededException(
            "Quota of team "
                + team
                + " exceeded: its members may have at most "
                + maxWorkers
                + " workers together; they use "
                + usedWorkers
                + " and you asked for "
                + workers
                + " more.");
      }
    }
  }

  /** True when one more workspace with {@code workers} workers fits her limits and her teams'. */
  public boolean allows(int workers) {
    return usedWorkspaces + 1 <= maxWorkspaces
        && usedWorkers + workers <= maxWorkers
        && teams.stream().allMatch(t -> t.allows(1, workers));
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
    teams.forEach(t -> t.check(1, workers));
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
    if (more > 0) {
      teams.forEach(t -> t.check(0, more));
    }
  }
}
