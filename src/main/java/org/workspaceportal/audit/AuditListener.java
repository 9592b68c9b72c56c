package org.workspaceportal.audit;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
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
    audit.recordAt(
        user(e.username()), e.actor(), "user.created", e.username(), "role " + e.role(), null);
  }

  @EventListener
  void on(IdentityEvents.TeamChanged e) {
    audit.record(e.actor(), e.action(), "team " + e.team(), e.detail());
  }

  @EventListener
  void on(IdentityEvents.UserEnabledChanged e) {
    audit.recordAt(
        user(e.username()),
        e.actor(),
        e.enabled() ? "user.enabled" : "user.disabled",
        e.username(),
        null,
        null);
  }

  @EventListener
  void on(IdentityEvents.UserRoleChanged e) {
    audit.recordAt(
        user(e.username()),
        e.actor(),
        "user.role-changed",
        e.username(),
        e.before() + " → " + e.after(),
        null);
  }

  @EventListener
  void on(IdentityEvents.PasswordChanged e) {
    boolean own = e.actor().equals(e.username());
    audit.recordAt(
        user(e.username()),
        e.actor(),
        own ? "user.password-changed" : "user.password-reset",
        e.username(),
        own ? "by the user" : "set by an admin",
        null);
  }

  @EventListener
  void on(IdentityEvents.SignedIn e) {
    audit.recordAt(
        user(e.username()),
        e.username(),
        "login.succeeded",
        e.username(),
        "with " + e.how(),
        e.remoteAddress());
  }

  @EventListener
  void on(IdentityEvents.UserQuotaChanged e) {
    audit.recordAt(
        user(e.username()),
        e.actor(),
        "user.quota-changed",
        e.username(),
        "maxWorkspaces=" + e.maxWorkspaces() + ", maxWorkers=" + e.maxWorkers(),
        null);
  }

  @EventListener
  void on(IdentityEvents.ApiTokenCreated e) {
    audit.recordAt(
        user(e.username()),
        e.username(),
        "token.created",
        e.username(),
        "'" + e.tokenName() + "' (" + e.prefix() + "…)",
        null);
  }

  @EventListener
  void on(IdentityEvents.ApiTokenRevoked e) {
    audit.recordAt(
        user(e.username()),
        e.actor(),
        "token.revoked",
        e.username(),
        "'" + e.tokenName() + "'",
        null);
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
    audit.recordAt(
        workspace(e.workspaceId()),
        e.username(),
        e.byAdmin() ? "workspace.opened-by-admin" : "workspace.opened",
        target(e.owner(), e.workspaceName()),
        e.what() + " (id " + e.workspaceId() + ")",
        e.remoteAddress());
  }

  @EventListener
  void on(WorkspaceEvents.WorkspaceRequested e) {
    audit.recordAt(
        workspace(e.id()),
        e.owner(),
        "workspace.requested",
        target(e.owner(), e.name()),
        "id " + e.id(),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.WorkspaceStatusChanged e) {
    String detail = e.from() + " → " + e.to() + (e.reason() != null ? ": " + e.reason() : "");
    audit.recordAt(
        workspace(e.id()),
        e.actor(),
        "workspace." + e.to().name().toLowerCase().replace('_', '-'),
        target(e.owner(), e.name()),
        detail,
        null);
  }

  @EventListener
  void on(WorkspaceEvents.CredentialsRevealed e) {
    audit.recordAt(
        workspace(e.id()),
        e.actor(),
        "credentials.revealed",
        target(e.owner(), e.name()),
        "via " + e.how(),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.CredentialsDenied e) {
    audit.recordAt(
        e.owner() != null ? workspace(e.id()) : null,
        e.actor(),
        "credentials.denied",
        e.owner() != null ? target(e.owner(), e.name()) : "workspace " + e.id(),
        "via " + e.how() + "; answered 404",
        null);
  }

  @EventListener
  void on(WorkspaceEvents.ExtensionRequested e) {
    audit.recordAt(
        workspace(e.id()),
        e.actor(),
        "workspace.extension-requested",
        target(e.owner(), e.name()),
        "to " + e.expiresAt(),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.ExtensionDecided e) {
    audit.recordAt(
        workspace(e.id()),
        e.actor(),
        e.approved() ? "workspace.extension-approved" : "workspace.extension-rejected",
        target(e.owner(), e.name()),
        (e.approved() ? "expires " : "asked for ")
            + e.expiresAt()
            + (e.reason() != null ? ": " + e.reason() : ""),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.TemplateChanged e) {
    audit.recordAt(
        template(e.name()),
        e.actor(),
        "template." + e.change().replace(' ', '-'),
        e.name(),
        e.detail(),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.PoolClusterRemoved e) {
    audit.recordAt(
        template(e.template()),
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
            + ")",
        null);
  }

  @EventListener
  void on(WorkspaceEvents.ExpirySettingChanged e) {
    audit.recordAt(
        "/admin/settings#expiry-setting",
        e.actor(),
        "setting.changed",
        "workspace expiry: keep stopped for",
        e.before() + " → " + e.after(),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.QuotaDefaultsChanged e) {
    audit.recordAt(
        "/admin/settings#quota-setting",
        e.actor(),
        "setting.changed",
        "default quotas",
        e.before() + " → " + e.after(),
        null);
  }

  @EventListener
  void on(WorkspaceEvents.OrphanRemoved e) {
    audit.recordAt(
        host(e.host()),
        "portal",
        "reconciler.orphan-removed",
        "host " + e.host(),
        e.kind()
            + " "
            + e.name()
            + " of "
            + (e.status() == null
                ? "unknown workspace " + e.workspaceId()
                : e.status().isTerminal()
                    ? "deleted workspace " + e.workspaceId()
                    // a live cluster's container left on a host it moved off while it was silent
                    : "workspace "
                        + e.workspaceId()
                        + " ("
                        + e.status()
                        + "), which no longer runs on this host"),
        null);
  }

  @EventListener
  void on(HostEvents.HostChanged e) {
    audit.recordAt(host(e.name()), e.actor(), "host." + e.change(), e.name(), e.detail(), null);
  }

  @EventListener
  void on(HostEvents.HostStatusChanged e) {
    audit.recordAt(
        host(e.name()),
        "portal",
        "host." + e.to().name().toLowerCase(),
        e.name(),
        e.from() + " → " + e.to() + (e.error() != null ? ": " + e.error() : ""),
        null);
  }

  private static String target(String owner, String name) {
    return owner + "/" + name;
  }

  // Where each kind of target is: the audit page links to it (a deleted workspace's page is its
  // tombstone, so a link to one never leads nowhere).

  private static String workspace(UUID id) {
    return "/workspaces/" + id;
  }

  private static String user(String username) {
    return "/admin/users#user-" + UriUtils.encodeFragment(username, StandardCharsets.UTF_8);
  }

  private static String template(String name) {
    return "/admin/templates#template-" + UriUtils.encodeFragment(name, StandardCharsets.UTF_8);
  }

  private static String host(String name) {
    return "/admin/hosts#host-" + UriUtils.encodeFragment(name, StandardCharsets.UTF_8);
  }
}
