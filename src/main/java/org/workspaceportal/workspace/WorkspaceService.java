package org.workspaceportal.workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.TeamService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceRequested;
import org.workspaceportal.workspace.cluster.ClusterSpecs;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.engine.WorkspaceJob;
import org.workspaceportal.workspace.engine.WorkspaceStep;
import org.workspaceportal.workspace.engine.WorkspaceStepRepository;
import org.workspaceportal.workspace.lifetime.ExpiryRules;
import org.workspaceportal.workspace.lifetime.WorkspaceExpiredException;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.quota.QuotaLimits;
import org.workspaceportal.workspace.quota.QuotaPolicy;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.template.WorkspaceTemplate;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;

/**
 * The use cases of workspaces: request, approve, reject, delete, retry, stop, start, and reading
 * them (moving one off a silent host is {@link WorkspaceMoves}'). A user sees only their own
 * workspaces; anyone else's id answers exactly like an unknown id (404), so existence is never
 * revealed. Status moves go through {@link WorkspaceTransitions}; the work they start is the
 * engine's ({@link WorkspaceJob}).
 */
@Service
public class WorkspaceService {

  private static final EnumSet<WorkspaceStatus> LIVE = WorkspaceStatus.live();

  private final TeamService teams;
  private final WorkspaceRepository workspaces;
  private final WorkspaceTemplateRepository templates;
  private final WorkspaceStepRepository steps;
  private final WorkspaceTransitions transitions;
  private final WorkspaceViews views;
  private final QuotaPolicy quotas;
  private final ClusterSpecs clusters;
  private final ClusterRuntime runtime;
  private final ExpiryRules expiry;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.workspaceportal.workspace.template.TemplateService templateRules;

  WorkspaceService(
      WorkspaceRepository workspaces,
      WorkspaceTemplateRepository templates,
      WorkspaceStepRepository steps,
      WorkspaceTransitions transitions,
      WorkspaceViews views,
      QuotaPolicy quotas,
      ClusterSpecs clusters,
      ClusterRuntime runtime,
      ExpiryRules expiry,
      ApplicationEventPublisher events,
      Clock clock,
      org.workspaceportal.workspace.template.TemplateService templateRules,
      TeamService teams) {
    this.templateRules = templateRules;
    this.teams = teams;
    this.expiry = expiry;
    this.workspaces = workspaces;
    this.templates = templates;
    this.steps = steps;
    this.transitions = transitions;
    this.views = views;
    this.quotas = quotas;
    this.clusters = clusters;
    this.runtime = runtime;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public WorkspaceView request(WorkspaceRequest request, CurrentUser user) {
    WorkspaceTemplate template = resolveTemplate(request.template());
    if (!templateRules.openTo(template.id(), user)) {
      throw new InvalidWorkspaceRequestException(
          "template",
          "'"
              + template.name()
              + "' is open to the teams "
              + String.join(", ", templateRules.audience(template.id()))
              + " only, and you are in none of them");
    }
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
    quotas.lockTeamsOf(user.username());
    quotas.forRequest(user.username()).check(workers, template.bucketQuotaGiB());
    Workspace workspace =
        new Workspace(
            request.name(),
            blankToNull(request.description()),
            user.username(),
            template.id(),
            workers,
            template.bucketQuotaGiB(),
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
    transitions.recordCreation(workspace);
    events.publishEvent(
        new WorkspaceRequested(workspace.id(), workspace.name(), workspace.owner()));
    return views.requested(workspace, template.name());
  }

  @Transactional(readOnly = true)
  public WorkspaceView get(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    return views.detailed(workspace, workspace.owner().equals(user.username()));
  }

  /** The caller's own workspaces, or for an admin any matching the optional filters. */
  @Transactional(readOnly = true)
  public List<WorkspaceView> list(
      CurrentUser user, String ownerFilter, WorkspaceStatus statusFilter) {
    String owner = user.admin() ? ownerFilter : user.username();
    return views.summaries(
        workspaces.search(owner, statusFilter, statusFilter == WorkspaceStatus.DELETED));
  }

  /**
   * The links of those of these workspaces that are the user's own and whose notebook answers, by
   * workspace: a list's rows open Jupyter without a detour through the workspace's page.
   */
  @Transactional(readOnly = true)
  public Map<UUID, ClusterView.Links> linksOf(List<WorkspaceView> listed, CurrentUser user) {
    List<UUID> own =
        listed.stream()
            .filter(v -> v.owner().equals(user.username()))
            .map(WorkspaceView::id)
            .toList();
    return own.isEmpty() ? Map.of() : views.links(workspaces.findAllById(own));
  }

  @Transactional(readOnly = true)
  public List<PendingRequest> approvalQueue() {
    return pendingRequests(w -> true);
  }

  /**
   * The requests waiting for approval that {@code which} keeps, oldest first, as approvers see
   * them.
   */
  private List<PendingRequest> pendingRequests(java.util.function.Predicate<Workspace> which) {
    Map<UUID, String> names = views.templateNames();
    return workspaces.findByStatusOrderByCreatedAtAsc(WorkspaceStatus.PENDING_APPROVAL).stream()
        .filter(which)
        .map(
            w ->
                new PendingRequest(
                    views.summary(w, names.get(w.templateId())),
                    quotas.forApproval(w.owner()),
                    roomNow(w.templateId(), w.workers())))
        .toList();
  }

  /**
   * Whether a cluster of this template and size would get room on the hosts now (an approver and a
   * requester see it before it queues); null for a template without a cluster.
   */
  @Transactional(readOnly = true)
  public PendingRequest.Room roomNow(UUID templateId, int workers) {
    WorkspaceTemplate template = templates.findById(templateId).orElse(null);
    if (template == null || !template.cluster()) {
      return null;
    }
    String now = "Not enough free room on the hosts now: ";
    return new PendingRequest.Room(
        runtime
            .shortageNow(clusters.roles(template, workers))
            .map(why -> why.startsWith(now) ? why.substring(now.length()) : why)
            .orElse(null));
  }

  /**
   * The most workers a new cluster of this template would get room for on the hosts now (0 to its
   * maximum); -1 when not even its master and notebook would, or it has no cluster. For the request
   * form's summary: whether the request would start at once or wait for room.
   */
  @Transactional(readOnly = true)
  public int roomNowUpTo(UUID templateId) {
    WorkspaceTemplate template = templates.findById(templateId).orElse(null);
    if (template == null || !template.cluster()) {
      return -1;
    }
    int low = -1; // fits with `low` workers (-1: nothing checked fits yet)
    int high = template.maxWorkers() + 1; // does not fit with `high` (beyond the maximum)
    while (high - low > 1) {
      int mid = (low + high) >>> 1;
      if (runtime.shortageNow(clusters.roles(template, mid)).isEmpty()) {
        low = mid;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The placements among these workspaces that wait for room on the hosts now, by workspace. */
  @Transactional(readOnly = true)
  public Map<UUID, StepView> waitingForRoom(List<WorkspaceView> listed) {
    return views.waitingForRoom(listed.stream().map(WorkspaceView::id).toList());
  }

  /** How long each kind of step usually takes, for "usually ~20 s" on a page. */
  @Transactional(readOnly = true)
  public Map<org.workspaceportal.workspace.engine.StepKind, java.time.Duration> typicalDurations() {
    return views.typicalDurations();
  }

  /** One request as {@link #approvalQueue} shows it; empty when it waits for nobody any more. */
  @Transactional(readOnly = true)
  public Optional<PendingRequest> pendingRequest(UUID id) {
    return workspaces
        .findById(id)
        .filter(w -> w.status() == WorkspaceStatus.PENDING_APPROVAL)
        .map(
            w ->
                new PendingRequest(
                    views.summary(w, views.templateNames().get(w.templateId())),
                    quotas.forApproval(w.owner()),
                    roomNow(w.templateId(), w.workers())));
  }

  @Transactional(readOnly = true)
  public Quota quotaOf(String username) {
    return quotas.forRequest(username);
  }

  /** The limits of a user without overrides (the users page shows them). */
  public QuotaLimits defaultLimits() {
    return quotas.defaults();
  }

  /** The names of the enabled templates with a Spark cluster (the first-run checklist asks). */
  @Transactional(readOnly = true)
  public List<String> offeredClusterTemplates() {
    return templates.findAll().stream()
        .filter(t -> t.enabled() && t.cluster())
        .map(WorkspaceTemplate::name)
        .sorted()
        .toList();
  }

  /** How many requests wait for an admin (the navigation shows the number). */
  @Transactional(readOnly = true)
  public long pendingCount() {
    return workspaces.countByStatusEquals(WorkspaceStatus.PENDING_APPROVAL);
  }

  /**
   * Approves a pending request: an admin any, a team's approver those of the team's members (not
   * her own).
   */
  @Transactional
  public WorkspaceView approve(UUID id, CurrentUser admin) {
    Workspace workspace = loadForDecision(id, admin);
    if (workspace.status() != WorkspaceStatus.PENDING_APPROVAL) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "approved");
    }
    workspaces.lockOwner(workspace.owner());
    quotas.lockTeamsOf(workspace.owner());
    quotas.forApproval(workspace.owner()).check(workspace.workers(), workspace.bucketQuotaGiB());
    WorkspaceTemplate template = templates.findById(workspace.templateId()).orElseThrow();
    if (template.cluster()) {
      // refused now rather than left waiting for room that will never be there
      runtime.requireCanEverFit(clusters.roles(template, workspace.workers()));
    }
    return move(workspace, WorkspaceStatus.APPROVED, "approved", admin, null);
  }

  @Transactional
  public WorkspaceView reject(UUID id, String reason, CurrentUser admin) {
    Workspace workspace = loadForDecision(id, admin);
    if (reason == null || reason.isBlank()) {
      throw new InvalidWorkspaceRequestException("reason", "is required when rejecting a request");
    }
    return move(workspace, WorkspaceStatus.REJECTED, "rejected", admin, reason);
  }

  /**
   * The requests waiting for {@code approver} as a team's approver: those of the members of the
   * teams she approves for (not her own), oldest first.
   */
  @Transactional(readOnly = true)
  public List<PendingRequest> approvalQueueOf(CurrentUser approver) {
    java.util.Set<String> owners = teams.membersApprovedBy(approver.username());
    if (owners.isEmpty()) {
      return List.of();
    }
    java.util.Set<String> hers =
        new java.util.HashSet<>(teams.teamsApprovedBy(approver.username()));
    // the card shows the requester's use of the teams she decides for, not of the others
    return pendingRequests(w -> owners.contains(w.owner())).stream()
        .map(
            p ->
                new PendingRequest(
                    p.workspace(), p.ownerQuota().onlyTeams(hers::contains), p.room()))
        .toList();
  }

  /** How many requests wait for {@code approver} as a team's approver (the menu's count). */
  @Transactional(readOnly = true)
  public long pendingCountFor(CurrentUser approver) {
    java.util.Set<String> owners = teams.membersApprovedBy(approver.username());
    return owners.isEmpty()
        ? 0
        : workspaces.countByStatusAndOwnerIn(WorkspaceStatus.PENDING_APPROVAL, owners);
  }

  /** Whether {@code user} approves some team's requests (the menu then offers her the queue). */
  @Transactional(readOnly = true)
  public boolean approvesForATeam(CurrentUser user) {
    return !user.admin() && teams.approvesForSomeTeam(user.username());
  }

  /**
   * The workspace an approval or rejection is about, if {@code decider} may decide it: an admin
   * any; a team's approver those of her teams' members (not her own), another's as not found;
   * anyone else nothing, refused before the id is even looked up (no existence leaks to users).
   */
  private Workspace loadForDecision(UUID id, CurrentUser decider) {
    if (decider.admin()) {
      return load(id);
    }
    if (!teams.approvesForSomeTeam(decider.username())) {
      throw new NotAnApproverException();
    }
    Workspace workspace = load(id);
    // an approver learns nothing of a member's other workspaces: only pending requests are hers
    // to see, the rest is not found (an admin gets "cannot be approved in status …")
    if (workspace.status() != WorkspaceStatus.PENDING_APPROVAL
        && !workspace.owner().equals(decider.username())) {
      throw notFound();
    }
    if (!teams.approves(decider.username(), workspace.owner())) {
      if (workspace.owner().equals(decider.username())) {
        throw new NotAnApproverException(
            "No one approves her own request: another approver of your team, or an admin, does.");
      }
      throw notFound();
    }
    return workspace;
  }

  /**
   * Deletes a workspace. Nothing was provisioned for a pending or rejected request, so it is
   * deleted at once; anything later goes through DELETING so that teardown can run first.
   */
  @Transactional
  public WorkspaceView delete(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    WorkspaceStatus target =
        switch (workspace.status()) {
          case PENDING_APPROVAL, REJECTED -> WorkspaceStatus.DELETED;
          default -> WorkspaceStatus.DELETING;
        };
    return move(workspace, target, "deleted", user, null);
  }

  /** Moves a failed workspace back into the queue; its steps start afresh (ADMIN). */
  @Transactional
  public WorkspaceView retry(UUID id, CurrentUser admin) {
    Workspace workspace = load(id);
    if (workspace.status() != WorkspaceStatus.FAILED) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "retried");
    }
    if (steps.existsByWorkspaceIdAndOperation(workspace.id(), Operation.TEARDOWN)) {
      // its storage is partly torn down: provisioning again would call it READY with a revoked key
      throw new DeletionRetryRequiredException(workspace.name());
    }
    // back to the operation that failed: provisioning, or a stop or start of a ready workspace
    Operation failed =
        steps
            .findFirstByWorkspaceIdAndStatusOrderByIdDesc(workspace.id(), StepStatus.FAILED)
            .map(WorkspaceStep::operation)
            .orElse(Operation.PROVISION);
    WorkspaceStatus target =
        switch (failed) {
          case STOP -> WorkspaceStatus.STOPPING;
          case START -> WorkspaceStatus.STARTING;
          case RESIZE -> WorkspaceStatus.RESIZING;
          case MOVE -> WorkspaceStatus.MOVING;
          default -> WorkspaceStatus.APPROVED;
        };
    return move(workspace, target, "retried", admin, null);
  }

  /**
   * Stops a ready workspace (owner or admin): its notebook's files are saved to its bucket, then
   * its containers and volumes go and its room on the hosts is given back; its files and data stay
   * on the array, so that {@link #start} brings it back as it was, wherever there is room then.
   */
  @Transactional
  public WorkspaceView stop(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    if (workspace.status() != WorkspaceStatus.READY
        && workspace.status() != WorkspaceStatus.DEGRADED) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "stopped");
    }
    return move(workspace, WorkspaceStatus.STOPPING, "stopped", user, null);
  }

  /**
   * Repairs a DEGRADED workspace (owner or admin): recreates its missing containers from the
   * recorded spec, on the hosts it has; the portal does this by itself a few times first.
   */
  @Transactional
  public WorkspaceView repair(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    if (workspace.status() != WorkspaceStatus.DEGRADED) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "repaired");
    }
    return move(workspace, WorkspaceStatus.REPAIRING, "repaired", user, null);
  }

  /**
   * Starts a stopped workspace again (owner or admin); an expired one only after an extension moved
   * its expiry.
   */
  @Transactional
  public WorkspaceView start(UUID id, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    if (workspace.status() != WorkspaceStatus.STOPPED) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "started");
    }
    if (expiry.expired(workspace.expiresAt())) {
      throw new WorkspaceExpiredException(workspace.name(), id, workspace.expiresAt());
    }
    return move(workspace, WorkspaceStatus.STARTING, "started", user, null);
  }

  /**
   * Gives a ready workspace another number of workers (owner or admin), within its template's
   * maximum and, for more workers, the owner's quota and the hosts' room: new workers join the
   * running master; removed ones are decommissioned first, so that Spark moves their work away.
   */
  @Transactional
  public WorkspaceView resize(UUID id, int newWorkers, CurrentUser user) {
    Workspace workspace = workspaces.findVisible(id, user);
    if (workspace.status() != WorkspaceStatus.READY) {
      throw new IllegalTransitionException(workspace.name(), workspace.status(), "resized");
    }
    WorkspaceTemplate template = templates.findById(workspace.templateId()).orElseThrow();
    if (!template.cluster()) {
      throw new InvalidWorkspaceRequestException("workers", "this workspace has no Spark cluster");
    }
    if (newWorkers < 1 || newWorkers > template.maxWorkers()) {
      throw new InvalidWorkspaceRequestException(
          "workers",
          "must be between 1 and " + template.maxWorkers() + " (template " + template.name() + ")");
    }
    if (newWorkers == workspace.workers()) {
      throw new InvalidWorkspaceRequestException(
          "workers", "the workspace already has " + newWorkers + " workers");
    }
    if (newWorkers > workspace.workers()) {
      workspaces.lockOwner(workspace.owner());
      quotas.lockTeamsOf(workspace.owner());
      quotas.forApproval(workspace.owner()).checkMoreWorkers(newWorkers - workspace.workers());
      runtime.requireCanEverFit(clusters.roles(template, newWorkers));
    }
    String change = workspace.workers() + " → " + newWorkers + " workers";
    workspace.resize(newWorkers);
    return move(workspace, WorkspaceStatus.RESIZING, "resized", user, change);
  }

  private WorkspaceView move(
      Workspace workspace,
      WorkspaceStatus target,
      String operation,
      CurrentUser actor,
      String reason) {
    transitions.move(workspace, target, operation, actor.username(), reason);
    return views.detailed(workspace, workspace.owner().equals(actor.username()));
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
