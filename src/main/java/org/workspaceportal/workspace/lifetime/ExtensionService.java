package org.workspaceportal.workspace.lifetime;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceEvents.ExtensionDecided;
import org.workspaceportal.workspace.WorkspaceEvents.ExtensionRequested;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.quota.QuotaPolicy;

/**
 * Extensions of a workspace's expiry: its owner (or an admin) asks for a later date with a reason,
 * an admin approves or rejects it like a request. Approval moves the expiry (never past the
 * portal's maximum lifetime), so an expired, stopped workspace can be started again. Each step is
 * audited.
 */
@Service
public class ExtensionService {

  /** Statuses in which a workspace has (or will have) something that an expiry stops. */
  private static final EnumSet<WorkspaceStatus> EXTENDABLE =
      EnumSet.of(
          WorkspaceStatus.APPROVED,
          WorkspaceStatus.PROVISIONING,
          WorkspaceStatus.READY,
          WorkspaceStatus.STOPPING,
          WorkspaceStatus.STOPPED,
          WorkspaceStatus.STARTING,
          WorkspaceStatus.FAILED);

  private final ExtensionRequestRepository extensions;
  private final WorkspaceRepository workspaces;
  private final QuotaPolicy quotas;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ExtensionService(
      ExtensionRequestRepository extensions,
      WorkspaceRepository workspaces,
      QuotaPolicy quotas,
      ApplicationEventPublisher events,
      Clock clock) {
    this.extensions = extensions;
    this.workspaces = workspaces;
    this.quotas = quotas;
    this.events = events;
    this.clock = clock;
  }

  /** Asks for a later expiry; one open request per workspace. */
  @Transactional
  public ExtensionView request(
      UUID workspaceId, Instant expiresAt, String reason, CurrentUser user) {
    Workspace ws = workspaces.findVisible(workspaceId, user);
    if (ws.expiresAt() == null) {
      throw new ExtensionNotPossibleException(
          "Workspace '" + ws.name() + "' never expires; there is nothing to extend.");
    }
    if (!EXTENDABLE.contains(ws.status())) {
      throw new ExtensionNotPossibleException(
          "Workspace '" + ws.name() + "' is " + ws.status() + "; it cannot be extended.");
    }
    Instant now = clock.instant();
    if (expiresAt == null) {
      throw new InvalidWorkspaceRequestException("expiresAt", "is required");
    }
    if (!expiresAt.isAfter(now) || !expiresAt.isAfter(ws.expiresAt())) {
      throw new InvalidWorkspaceRequestException(
          "expiresAt",
          "must be later than now and than the current expiry (" + ws.expiresAt() + ")");
    }
    quotas.checkLifetime(expiresAt, now);
    if (reason == null || reason.isBlank()) {
      throw new InvalidWorkspaceRequestException("reason", "is required");
    }
    if (extensions.existsByWorkspaceIdAndStatus(ws.id(), ExtensionRequest.Status.PENDING)) {
      throw new ExtensionNotPossibleException(
          "An extension of '" + ws.name() + "' is already waiting for an admin.");
    }
    ExtensionRequest request =
        extensions.save(
            new ExtensionRequest(
                ws.id(), user.username(), expiresAt, ws.expiresAt(), reason.strip(), now));
    events.publishEvent(
        new ExtensionRequested(ws.id(), ws.name(), ws.owner(), user.username(), expiresAt));
    return request.toView(ws);
  }

  /** The workspace's latest extension request, if it ever had one. */
  @Transactional(readOnly = true)
  public Optional<ExtensionView> latest(UUID workspaceId, CurrentUser user) {
    Workspace ws = workspaces.findVisible(workspaceId, user);
    return extensions.findFirstByWorkspaceIdOrderByCreatedAtDesc(ws.id()).map(e -> e.toView(ws));
  }

  /** Requests waiting for an admin, oldest first. */
  @Transactional(readOnly = true)
  public List<ExtensionView> pending() {
    return extensions.findByStatusOrderByCreatedAtAsc(ExtensionRequest.Status.PENDING).stream()
        .map(e -> e.toView(workspaces.findById(e.workspaceId()).orElseThrow()))
        .toList();
  }

  /** Moves the workspace's expiry to the requested date (ADMIN). */
  @Transactional
  public ExtensionView approve(UUID extensionId, CurrentUser admin) {
    ExtensionRequest request = load(extensionId);
    Workspace ws = workspaces.findById(request.workspaceId()).orElseThrow();
    Instant now = clock.instant();
    if (request.status() == ExtensionRequest.Status.PENDING
        && !request.requestedExpiry().isAfter(now)) {
      throw new ExtensionNotPossibleException(
          "The date asked for (" + request.requestedExpiry() + ") has passed; reject it instead.");
    }
    if (request.status() == ExtensionRequest.Status.PENDING && !EXTENDABLE.contains(ws.status())) {
      throw new ExtensionNotPossibleException(
          "Workspace '" + ws.name() + "' is " + ws.status() + "; it cannot be extended.");
    }
    quotas.checkLifetime(request.requestedExpiry(), now);
    request.decide(true, admin.username(), null, now);
    ws.extendTo(request.requestedExpiry(), now);
    events.publishEvent(
        new ExtensionDecided(
            ws.id(),
            ws.name(),
            ws.owner(),
            admin.username(),
            true,
            request.requestedExpiry(),
            null));
    return request.toView(ws);
  }

  /** Leaves the expiry as it is, telling the owner why (ADMIN). */
  @Transactional
  public ExtensionView reject(UUID extensionId, String reason, CurrentUser admin) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidWorkspaceRequestException("reason", "is required when rejecting a request");
    }
    ExtensionRequest request = load(extensionId);
    Workspace ws = workspaces.findById(request.workspaceId()).orElseThrow();
    request.decide(false, admin.username(), reason.strip(), clock.instant());
    events.publishEvent(
        new ExtensionDecided(
            ws.id(),
            ws.name(),
            ws.owner(),
            admin.username(),
            false,
            request.requestedExpiry(),
            reason.strip()));
    return request.toView(ws);
  }

  /** How many extension requests wait for an admin. */
  @Transactional(readOnly = true)
  public long pendingCount() {
    return extensions.countByStatus(ExtensionRequest.Status.PENDING);
  }

  private ExtensionRequest load(UUID id) {
    return extensions.findById(id).orElseThrow(() -> new NotFoundException("Extension request"));
  }
}
