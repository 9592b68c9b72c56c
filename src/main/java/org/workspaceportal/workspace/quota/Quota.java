package org.workspaceportal.workspace.quota;

import java.util.List;
import java.util.Optional;

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
   * @param maxStorageGiB null: no limit; else the bucket sizes of the members' live workspaces
   *     together, so a workspace whose bucket has no size cannot be counted and is refused
   * @param usedStorageGiB the bucket sizes of the members' live workspaces together (those without
   *     a size, made before the limit, count 0)
   */
  public record TeamQuota(
      String team,
      Integer maxWorkspaces,
      int usedWorkspaces,
      Integer maxWorkers,
      int usedWorkers,
      Integer maxStorageGiB,
      long usedStorageGiB) {

    /** A team without a storage limit. */
    public TeamQuota(
        String team,
        Integer maxWorkspaces,
        int usedWorkspaces,
        Integer maxWorkers,
        int usedWorkers) {
      this(team, maxWorkspaces, usedWorkspaces, maxWorkers, usedWorkers, null, 0);
    }

    boolean allows(int workspaces, int workers, Integer bucketGiB) {
      return refusal(workspaces, workers, bucketGiB).isEmpty();
    }

    void check(int workspaces, int workers, Integer bucketGiB) {
      refusal(workspaces, workers, bucketGiB)
          .ifPresent(
              why -> {
                throw new QuotaExceededException(why);
              });
    }

    /** Why {@code workspaces} more with {@code workers} more workers break a limit, if they do. */
    private Optional<String> refusal(int workspaces, int workers, Integer bucketGiB) {
      if (maxWorkspaces != null && usedWorkspaces + workspaces > maxWorkspaces) {
        return Optional.of(
            "Quota of team "
                + team
                + " exceeded: its members may have at most "
                + maxWorkspaces
                + " live workspaces together and have "
                + usedWorkspaces
                + ".");
      }
      if (maxWorkers != null && usedWorkers + workers > maxWorkers) {
        return Optional.of(
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
      if (maxStorageGiB == null || workspaces == 0) {
        return Optional.empty();
      }
      if (bucketGiB == null) {
        return Optional.of(
            "Team "
                + team
                + " limits its members' buckets to "
                + maxStorageGiB
                + " GiB together, and this template's bucket has no size: choose a template"
                + " with a bucket size, or ask an admin to give this one a size.");
      }
      if (usedStorageGiB + bucketGiB > maxStorageGiB) {
        return Optional.of(
            "Quota of team "
                + team
                + " exceeded: its members' buckets may hold at most "
                + maxStorageGiB
                + " GiB together; they have "
                + usedStorageGiB
                + " GiB and this bucket would add "
                + bucketGiB
                + " GiB.");
      }
      return Optional.empty();
    }
  }

  /** The same quota with only the teams {@code shown} keeps (what another person may see). */
  public Quota onlyTeams(java.util.function.Predicate<String> shown) {
    return new Quota(
        maxWorkspaces,
        usedWorkspaces,
        maxWorkers,
        usedWorkers,
        teams.stream().filter(t -> shown.test(t.team())).toList());
  }

  /**
   * The GiB of buckets her teams' storage limits leave (the tightest one); null when no team of
   * hers has a storage limit. With one, only a template with a bucket size of at most this fits.
   */
  public Long storageLeftGiB() {
    return teams.stream()
        .filter(t -> t.maxStorageGiB() != null)
        .map(t -> Math.max(0, t.maxStorageGiB() - t.usedStorageGiB()))
        .min(Long::compare)
        .orElse(null);
  }

  /**
   * True when one more workspace with {@code workers} workers and a bucket of {@code bucketGiB}
   * (null: no size) fits her limits and her teams'.
   */
  public boolean allows(int workers, Integer bucketGiB) {
    return refusal(workers, bucketGiB).isEmpty();
  }

  /**
   * Throws if adding one workspace with {@code workers} workers and a bucket of {@code bucketGiB}
   * (null: no size) would break a limit.
   */
  public void check(int workers, Integer bucketGiB) {
    refusal(workers, bucketGiB)
        .ifPresent(
            why -> {
              throw new QuotaExceededException(why);
            });
  }

  /** Why one more workspace breaks a limit (hers first, then her teams'), if it does. */
  private Optional<String> refusal(int workers, Integer bucketGiB) {
    if (usedWorkspaces + 1 > maxWorkspaces) {
      return Optional.of(
          "Quota exceeded: at most "
              + maxWorkspaces
              + " live workspaces are allowed and you have "
              + usedWorkspaces
              + ".");
    }
    return workersRefusal(workers).or(() -> teamsRefusal(1, workers, bucketGiB));
  }

  private Optional<String> teamsRefusal(int workspaces, int workers, Integer bucketGiB) {
    return teams.stream()
        .map(t -> t.refusal(workspaces, workers, bucketGiB))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private Optional<String> workersRefusal(int more) {
    return usedWorkers + more > maxWorkers
        ? Optional.of(
            "Quota exceeded: at most "
                + maxWorkers
                + " workers in total are allowed; you use "
                + usedWorkers
                + " and asked for "
                + more
                + " more.")
        : Optional.empty();
  }

  /** Throws if {@code more} workers added to a workspace already counted would break the limit. */
  public void checkMoreWorkers(int more) {
    if (more <= 0) {
      return;
    }
    workersRefusal(more)
        .or(() -> teamsRefusal(0, more, null))
        .ifPresent(
            why -> {
              throw new QuotaExceededException(why);
            });
  }
}
