package org.workspaceportal.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.workspaceportal.gateway.GatewayEvents;
import org.workspaceportal.host.HostEvents;
import org.workspaceportal.identity.IdentityEvents;
import org.workspaceportal.workspace.WorkspaceEvents;

/**
 * Maps every module event worth auditing to one audit row, synchronously, in the publisher's
 * transaction.
 */
@Component
class AuditListener {

  private final AuditService audit;

  AuditListener(AuditService audit) {
    this.audit = audit;
  }

  @EventListener
  void on(IdentityEvents.UserCreated e) {
    audit.record(e.actor(), "user.created", e.username(), "role " + e.role());
  }

  @EventListener
  void on(IdentityEvents.UserEnabledChanged e) {
    audit.record(e.actor(), e.enabled() ? "user.enabled" : "user.disabled", e.username(), null);
  }

  @EventListener
  void on(IdentityEvents.UserRoleChanged e) {
    audit.record(e.actor(), "user.role-changed", e.username(), e.before() + " → " + e.after());
  }

  @EventListener
  void on(IdentityEvents.PasswordChanged e) {
    boolean own = e.actor().equals(e.username());
    audit.record(
        e.actor(),
        own ? "user.password-changed" : "user.password-reset",
        e.username(),
        own ? "by the user" : "set by an admin");
  }

  @EventListener
  void on(IdentityEvents.SignedIn e) {
    audit.record(
        e.username(), "login.succeeded", e.username(), "with " + e.how(), e.remoteAddress());
  }

  @EventListener
  void on(IdentityEvents.UserQuotaChanged e) {
    audit.record(
        e.actor(),
        "user.quota-changed",
        e.username(),
        "maxWorkspaces=" + e.maxWorkspaces() + ", maxWorkers=" + e.maxWorkers());
  }

  @EventListener
  void on(IdentityEvents.ApiTokenCreated e) {
    audit.record(
        e.username(),
        "token.created",
        e.username(),
        "'" + e.tokenName() + "' (" + e.prefix() + "…)");
  }

  @EventListener
  void on(IdentityEvents.ApiTokenRevoked e) {
    audit.record(e.actor(), "token.revoked", e.username(), "'" + e.tokenName() + "'");
  }

  @EventListener
  void on(IdentityEvents.LoginFailed e) {
    audit.record(e.username(), "login.failed", e.username(), e.reason(), e.remoteAddress());
  }

  @EventListener
  void on(IdentityEvents.LoginThrottled e) {
    audit.record(
        e.username(),
        "login.throttled",
        e.username(),
        "too many failed sign-ins; retry after " + e.retryAfterSeconds() + " s",
        e.remoteAddress());
  }

  @EventListener
  void on(GatewayEvents.WorkspaceOpened e) {
    audit.record(
        e.username(),
        e.byAdmin() ? "workspace.opened-by-admin" : "workspace.opened",
        target(e.owner(), e.workspaceName()),
        e.what() + " (id " + e.workspaceId() + ")",
        e.remoteAddress());
  }

  @EventListener
  void on(WorkspaceEvents.WorkspaceRequested e) {
    audit.record(e.owner(), "workspace.requested", target(e.owner(), e.name()), "id " + e.id());
  }

  @EventListener
  void on(WorkspaceEvents.WorkspaceStatusChanged e) {
    String detail = e.from() + " → " + e.to() + (e.reason() != null ? ": " + e.reason() : "");
    audit.record(
        e.actor(),
        "workspace." + e.to().name().toLowerCase().replace('_', '-'),
        target(e.owner(), e.name()),
        detail);
  }

  @EventListener
  void on(WorkspaceEvents.CredentialsRevealed e) {
    audit.record(e.actor(), "credentials.revealed", target(e.owner(), e.name()), "via " + e.how());
  }

  @EventListener
  void on(WorkspaceEvents.CredentialsDenied e) {
    audit.record(
        e.actor(),
        "credentials.denied",
        e.owner() != null ? target(e.owner(), e.name()) : "workspace " + e.id(),
        "via " + e.how() + "; answered 404");
  }

  @EventListener
  void on(WorkspaceEvents.ExtensionRequested e) {
    audit.record(
        e.actor(),
        "workspace.extension-requested",
        target(e.owner(), e.name()),
        "to " + e.expiresAt());
  }

  @EventListener
  void on(WorkspaceEvents.ExtensionDecided e) {
    audit.record(
        e.actor(),
        e.approved() ? "workspace.extension-approved" : "workspace.extension-rejected",
        target(e.owner(), e.name()),
        (e.approved() ? "expires " : "asked for ")
            + e.expiresAt()
            + (e.reason() != null ? ": " + e.reason() : ""));
  }

  @EventListener
  void on(WorkspaceEvents.TemplateChanged e) {
    audit.record(e.actor(), "template." + e.change().replace(' ', '-'), e.name(), e.detail());
  }

  @EventListener
  void on(WorkspaceEvents.PoolClusterRemoved e) {
    audit.record(
        "portal",
        e.gaveWay() ? "pool.gave-way" : "pool.cluster-removed",
        e.template(),
        "warm pool "
            + e.before()
            + " → "
            + e.after()
            + " clusters: "
            + e.why()
            + " (pool cluster "
            + e.clusterId()
            + ")");
  }

  @EventListener
  void on(WorkspaceEvents.ExpirySettingChanged e) {
    audit.record(
        e.actor(),
        "setting.changed",
        "workspace expiry: keep stopped for",
        e.before() + " → " + e.after());
  }

  @EventListener
  void on(WorkspaceEvents.OrphanRemoved e) {
    audit.record(
        "portal",
        "reconciler.orphan-removed",
        "host " + e.host(),
        e.kind()
            + " "
            + e.name()
            + " of "
            + (e.status() == null ? "unknown workspace " : "deleted workspace ")
            + e.workspaceId());
  }

  @EventListener
  void on(HostEvents.HostChanged e) {
    audit.record(e.actor(), "host." + e.change(), e.name(), e.detail());
  }

  @EventListener
  void on(HostEvents.HostStatusChanged e) {
    audit.record(
        "portal",
        "host." + e.to().name().toLowerCase(),
        e.name(),
        e.from() + " → " + e.to() + (e.error() != null ? ": " + e.error() : ""));
  }

  private static String target(String owner, String name) {
    return owner + "/" + name;
  }
}
