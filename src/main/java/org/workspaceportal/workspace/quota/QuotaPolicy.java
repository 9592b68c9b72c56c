package org.workspaceportal.workspace.quota;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.UserAccount;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;

/**
 * Effective limits (the user's override, else the default) against usage. On request every live
 * workspace counts, pending ones included; on approval only approved-and-beyond ones count, so that
 * an admin who lowered a quota, or approved others first, sees the request no longer fits.
 */
@Component
public class QuotaPolicy {

  private static final Set<WorkspaceStatus> LIVE = WorkspaceStatus.live();
  private static final Set<WorkspaceStatus> ADMITTED = admittedStatuses();

  private final WorkspaceRepository workspaces;
  private final IdentityService identity;
  private final QuotaProperties defaults;
  private final QuotaSettings settings;
  private final org.workspaceportal.identity.TeamService teams;

  QuotaPolicy(
      WorkspaceRepository workspaces,
      IdentityService identity,
      QuotaProperties defaults,
      QuotaSettings settings,
      org.workspaceportal.identity.TeamService teams) {
    this.teams = teams;
    this.workspaces = workspaces;
    this.identity = identity;
    this.defaults = defaults;
    this.settings = settings;
  }

  public Quota forRequest(String owner) {
    return quota(owner, LIVE);
  }

  public Quota forApproval(String owner) {
    return quota(owner, ADMITTED);
  }

  /**
   * Serializes quota checks of the teams with limits that {@code owner} is in (after her own lock,
   * {@link WorkspaceRepository#lockOwner}): their limits span several owners.
   */
  public void lockTeamsOf(String owner) {
    teams.teamsOf(owner).stream()
        .filter(org.workspaceportal.identity.TeamView::hasLimits)
        .map(org.workspaceportal.identity.TeamView::name)
        .sorted()
        .forEach(workspaces::lockTeam);
  }

  /** The limits of a user without overrides: an admin's saved defaults, else the configured. */
  public QuotaLimits defaults() {
    return settings.current().applies();
  }

  /** An expiry, if any, no further ahead than the configured maximum lifetime. */
  public void checkLifetime(Instant expiresAt, Instant now) {
    if (expiresAt != null && expiresAt.isAfter(now.plus(defaults.maxLifetime()))) {
      throw new InvalidWorkspaceRequestException(
          "expiresAt", "must be at most " + defaults.maxLifetime().toDays() + " days from now");
    }
  }

  private Quota quota(String owner, Set<WorkspaceStatus> counted) {
    UserAccount user = identity.findUser(owner).orElse(null);
    QuotaLimits fallback = defaults();
    int maxWorkspaces =
        user != null && user.maxWorkspaces() != null
            ? user.maxWorkspaces()
            : fallback.maxWorkspaces();
    int maxWorkers =
        user != null && user.maxWorkers() != null ? user.maxWorkers() : fallback.maxWorkers();
    WorkspaceRepository.Usage usage = workspaces.usage(owner, counted);
    java.util.List<Quota.TeamQuota> teamQuotas =
        teams.teamsOf(owner).stream()
            .filter(org.workspaceportal.identity.TeamView::hasLimits)
            .map(
                t -> {
                  WorkspaceRepository.Usage together =
                      workspaces.usageOfOwners(t.members(), counted);
                  return new Quota.TeamQuota(
                      t.name(),
                      t.maxWorkspaces(),
                      (int) together.workspaces(),
                      t.maxWorkers(),
                      (int) together.workers(),
                      t.maxStorageGiB(),
                      t.maxStorageGiB() == null
                          ? 0
                          : workspaces.bucketGiBOfOwners(t.members(), counted));
                })
            .toList();
    return new Quota(
        maxWorkspaces, (int) usage.workspaces(), maxWorkers, (int) usage.workers(), teamQuotas);
  }

  private static Set<WorkspaceStatus> admittedStatuses() {
    EnumSet<WorkspaceStatus> admitted = WorkspaceStatus.live();
    admitted.remove(WorkspaceStatus.PENDING_APPROVAL);
    return admitted;
  }
}
