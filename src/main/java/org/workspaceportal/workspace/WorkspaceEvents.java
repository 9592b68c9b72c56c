package org.workspaceportal.workspace;

import java.time.Instant;
import java.util.UUID;

/** Events the workspace module publishes (audit, live pages and the provisioning engine listen). */
public final class WorkspaceEvents {

  private WorkspaceEvents() {}

  public record WorkspaceRequested(UUID id, String name, String owner) {}

  public record WorkspaceStatusChanged(
      UUID id,
      String name,
      String owner,
      WorkspaceStatus from,
      WorkspaceStatus to,
      String actor,
      String reason) {}

  /** Something visible changed (a step started, finished or failed); pages refresh on it. */
  public record WorkspaceProgressed(UUID id) {}

  /** The owner was given the secret of a workspace's credentials. */
  public record CredentialsRevealed(UUID id, String name, String owner, String actor, String how) {}

  /**
   * Someone asked for the secret of a workspace that is not theirs (or does not exist); they got
   * the same 404 as for any unknown workspace. {@code name} and {@code owner} are null when it does
   * not exist.
   */
  public record CredentialsDenied(UUID id, String name, String owner, String actor, String how) {}

  /** Someone asked for a later expiry of a workspace. */
  public record ExtensionRequested(
      UUID id, String name, String owner, String actor, Instant expiresAt) {}

  /** An admin approved (the expiry moved to {@code expiresAt}) or rejected an extension. */
  public record ExtensionDecided(
      UUID id,
      String name,
      String owner,
      String actor,
      boolean approved,
      Instant expiresAt,
      String reason) {}

  /**
   * An admin changed how long an expired, stopped workspace is kept before it is deleted, or made
   * the configured default apply again.
   *
   * @param before what applied before, for people ("14 days (default)")
   * @param after what applies now, for people ("30 days")
   */
  public record ExpirySettingChanged(String actor, String before, String after) {}

  /**
   * An admin changed the default quotas, or made the configured ones apply again.
   *
   * @param before what applied before, for people ("5 workspaces, 16 workers (configured)")
   * @param after what applies now
   */
  public record QuotaDefaultsChanged(String actor, String before, String after) {}

  /**
   * An admin created or changed a template.
   *
   * @param detail what changed, before → after, for people; null when there is nothing to add
   */
  public record TemplateChanged(String name, String change, String actor, String detail) {}

  /**
   * A warm-pool cluster is being removed: it gave way to a workspace waiting for room, its
   * template's pool was made smaller or changed, or it was unwell.
   *
   * @param template the name of the pool's template
   * @param gaveWay true when it made room for a workspace waiting on the hosts
   * @param before how many clusters the pool held (ready or starting) before
   * @param after how many it holds now
   */
  public record PoolClusterRemoved(
      String template, UUID clusterId, String why, boolean gaveWay, int before, int after) {}

  /**
   * The reconciler removed a container or volume labelled for a workspace that is gone (unknown to
   * the portal, or DELETED).
   *
   * @param kind {@code container} or {@code volume}
   * @param status the workspace's status, or null when the portal never knew it
   */
  public record OrphanRemoved(
      String host, String kind, String name, UUID workspaceId, WorkspaceStatus status) {}
}
