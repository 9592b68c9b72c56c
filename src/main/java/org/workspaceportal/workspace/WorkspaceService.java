package org.workspaceportal.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceRequested;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceStatusChanged;

/**
 * Requests, approvals, rejections and deletions of workspaces. A user sees only their own
 * workspaces; anyone else's id answers exactly like an unknown id (404), so existence is never
 * revealed.
 */
@Service
public class WorkspaceService {

  private static final EnumSet<WorkspaceStatus> LIVE = WorkspaceStatus.live();

  private final WorkspaceRepository workspaces;
  private final TransitionRepository transitions;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceStepRepository steps;
  private final QuotaPolicy quotas;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  WorkspaceService(
      WorkspaceRepository workspaces,
      TransitionRepository transitions,
      WorkspaceTemplateRepository templates,
      WorkspaceStepRepository steps,
      QuotaPolicy quotas,
      ApplicationEventPublisher events,
      Clock clock) {
    this.workspaces = workspaces;
    this.transitions = transitions;
    this.templates = templates;
    this.steps = steps;
    this.quotas = quotas;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public WorkspaceView request(WorkspaceRequest request, CurrentUser user) {
    WorkspaceTemplate template = resolveTemplate(request.template());
    int workers = request.workers() != null ? request.workers() : template.defaultWorkers();
    if (workers > template.maxWorkers()) {
      throw new InvalidWorkspaceRequestException(
          "workers",
          "must be at most " + template.maxWorkers() + " for template '" + template.name() + "'");
    }
    Instant now = clock.instant();
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      throw new InvalidWorkspaceRequestException("expiresAt", "must be in the future");
    }
    quotas.checkLifetime(request.expiresAt(), now);
    if (workspaces.existsByOwnerAndNameAndStatusIn(user.username(), request.name(), LIVE)) {
      throw new WorkspaceNameTakenException(request.name());
    }
    workspaces.lockOwner(user.username());
    quotas.forRequest(user.username()).check(workers);
    Workspace workspace =
        new Workspace(
            request.name(),
            blankToNull(request.description()),
            user.username(),
            template.id(),
            workers,
            Boolean.TRUE.equals(request.datahub()),
            request.retention() != null ? request.retention() : Retention.DESTROY,
            request.expiresAt(),
            now);
    try {
      workspaces.saveAndFlush(workspace);
    } catch (DataIntegrityViolationException e) {
      if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("workspaces_live_name")) {
        throw new WorkspaceNameTakenException(request.name()); // lost a race for the name
      }
      throw e;
    }
    transitions.save(workspace.created(user.username()));
    events.publishEvent(
        new WorkspaceRequested(workspace.id(), workspace.name(), workspace.owner()));
    return view(workspace, template.name(), List.of(workspace.created(user.username()).toEntry()));
  }

  @Transactional(readOnly = true)
  public WorkspaceView get(UUID id, CurrentUser user) {
    Workspace workspace = visible(id, user);
    List<WorkspaceView.HistoryEntry> history =
        transitions.findByWorkspaceIdOrderByIdAsc(id).stream().map(Transition::toEntry).toList();
    List<StepView> stepViews =
        steps.findByWorkspaceIdOrderByOperationAscOrdinalAsc(id).stream()
            .map(StepView::of)
            .toList();
    return view(workspace, templateNames().get(workspace.templateId()), history, stepViews);
  }

  /** The caller's own workspaces, or for an admin any matching the optional filters. */
  @Transactional(readOnly = true)
  public List<WorkspaceView> list(
      CurrentUser user, String ownerFilter, WorkspaceStatus statusFilter) {
    String owner = user.admin() ? ownerFilter : user.username();
    List<Workspace> found =
        workspaces.search(owner, statusFilter, statusFilter == WorkspaceStatus.DELETED);
    Map<UUID, String> names = templateNames();
    return found.stream().map(w -> view(w, names.get(w.templateId()), List.of())).toList();
  }

  @Transactional(readOnly = true)
  public List<PendingRequest> approvalQueue() {
    Map<UUID, String> names = templateNames();
    return workspaces.findByStatusOrderByCreatedAtAsc(WorkspaceStatus.PENDING_APPROVAL).stream()
        .map(
            w ->
                new PendingRequest(
                    view(w, names.get(w.templateId()), List.of()), quotas.forApproval(w.owner())))
        .toList();
  }

  @Transactional(readOnly = true)
  public Quota quotaOf(String username) {
    return quotas.forRequest(username);
  }

  @Transactional
  public WorkspaceView approve(UUID id, CurrentUser admin) {
    Workspace workspace = load(id);
    if (workspace.status() != WorkspaceStatus.PENDING_APPROVAL) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "approved");
    }
    workspaces.lockOwner(workspace.owner());
    quotas.forApproval(workspace.owner()).check(workspace.workers());
    return transition(workspace, WorkspaceStatus.APPROVED, "approved", admin.username(), null);
  }

  @Transactional
  public WorkspaceView reject(UUID id, String reason, CurrentUser admin) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidWorkspaceRequestException("reason", "is required when rejecting a request");
    }
    return transition(load(id), WorkspaceStatus.REJECTED, "rejected", admin.username(), reason);
  }

  /**
   * Deletes a workspace. Nothing was provisioned for a pending or rejected request, so it is
   * deleted at once; anything later goes through DELETING so that teardown can run first.
   */
  @Transactional
  public WorkspaceView delete(UUID id, CurrentUser user) {
    Workspace workspace = visible(id, user);
    WorkspaceStatus target =
        switch (workspace.status()) {
          case PENDING_APPROVAL, REJECTED -> WorkspaceStatus.DELETED;
          default -> WorkspaceStatus.DELETING;
        };
    return transition(workspace, target, "deleted", user.username(), null);
  }

  /** Moves a failed workspace back into the queue; its steps start afresh (ADMIN). */
  @Transactional
  public WorkspaceView retry(UUID id, CurrentUser admin) {
    Workspace workspace = load(id);
    if (workspace.status() != WorkspaceStatus.FAILED) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "retried");
    }
    if (failedDuringDeletion(workspace)) {
      // its storage is partly torn down: provisioning again would call it READY with a revoked key
      throw new DeletionRetryRequiredException(workspace.name());
    }
    return transition(workspace, WorkspaceStatus.APPROVED, "retried", admin.username(), null);
  }

  @Transactional(readOnly = true)
  List<UUID> busyWorkspaceIds() {
    return workspaces.findIdsByStatusIn(
        EnumSet.of(
            WorkspaceStatus.APPROVED, WorkspaceStatus.PROVISIONING, WorkspaceStatus.DELETING));
  }

  @Transactional(readOnly = true)
  List<UUID> expiredWorkspaceIds() {
    // A workspace whose deletion failed is not expired again: that would retry a failing teardown
    // every reconcile; it waits for a person.
    return workspaces
        .findExpiredIds(
            EnumSet.of(WorkspaceStatus.READY, WorkspaceStatus.STOPPED, WorkspaceStatus.FAILED),
            clock.instant())
        .stream()
        .filter(id -> !steps.existsByWorkspaceIdAndOperation(id, Operation.TEARDOWN))
        .toList();
  }

  private boolean failedDuringDeletion(Workspace workspace) {
    return steps.existsByWorkspaceIdAndOperation(workspace.id(), Operation.TEARDOWN);
  }

  @Transactional
  void expire(UUID id) {
    Workspace ws = load(id);
    apply(
        ws,
        WorkspaceStatus.DELETING,
        "expired",
        StepRecorder.ACTOR,
        "Expired at " + ws.expiresAt() + ".");
  }

  WorkspaceView transition(
      Workspace workspace, WorkspaceStatus target, String operation, String actor, String reason) {
    apply(workspace, target, operation, actor, reason);
    return get(workspace.id(), new CurrentUser(actor, true));
  }

  /** Moves the workspace, records the history row and tells listeners (audit, the job trigger). */
  void apply(
      Workspace workspace, WorkspaceStatus target, String operation, String actor, String reason) {
    WorkspaceStatus from = workspace.status();
    transitions.save(workspace.moveTo(target, operation, actor, reason, clock.instant()));
    events.publishEvent(
        new WorkspaceStatusChanged(
            workspace.id(), workspace.name(), workspace.owner(), from, target, actor, reason));
  }

  private Workspace visible(UUID id, CurrentUser user) {
    return workspaces
        .findById(id)
        .filter(w -> user.mayAccess(w.owner()))
        .orElseThrow(WorkspaceService::notFound);
  }

  private Workspace load(UUID id) {
    return workspaces.findById(id).orElseThrow(WorkspaceService::notFound);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("Workspace");
  }

  private WorkspaceTemplate resolveTemplate(String name) {
    if (name == null || name.isBlank()) {
      return templates
          .findByIsDefaultTrue()
          .filter(WorkspaceTemplate::enabled)
          .orElseThrow(
              () ->
                  new InvalidWorkspaceRequestException(
                      "template", "no default template is set; name one"));
    }
    return templates
        .findByName(name)
        .filter(WorkspaceTemplate::enabled)
        .orElseThrow(
            () ->
                new InvalidWorkspaceRequestException(
                    "template", "unknown template '" + name + "'"));
  }

  private Map<UUID, String> templateNames() {
    return templates.findAll().stream()
        .collect(Collectors.toMap(WorkspaceTemplate::id, WorkspaceTemplate::name));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  static WorkspaceView view(
      Workspace w, String template, List<WorkspaceView.HistoryEntry> history) {
    return view(w, template, history, List.of());
  }

  static WorkspaceView view(
      Workspace w,
      String template,
      List<WorkspaceView.HistoryEntry> history,
      List<StepView> steps) {
    return new WorkspaceView(
        w.id(),
        w.name(),
        w.description(),
        w.owner(),
        template,
        w.workers(),
        w.datahub(),
        w.retention(),
        w.expiresAt(),
        w.status(),
        w.statusReason(),
        w.createdAt(),
        w.updatedAt(),
        history,
        steps);
  }
}
