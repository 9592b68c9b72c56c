package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.Pause;
import org.workspaceportal.workspace.lifetime.ExpiryProperties;
import org.workspaceportal.workspace.lifetime.ExpiryRules;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * Workspaces, requests and views for tests of the workspace module and of the pages and API that
 * show them.
 */
public final class WorkspaceFixtures {

  /** The template seeded by V3__workspace_templates.sql: default 2 workers, at most 4. */
  public static final String DEFAULT_TEMPLATE = "spark-4.0-small";

  public static final UUID DEFAULT_TEMPLATE_ID =
      UUID.fromString("00000000-0000-0000-0000-000000000001");

  public static final int DEFAULT_TEMPLATE_MAX_WORKERS = 4;

  /**
   * A storage-only template with the default template's worker limits (default 2, at most 4), made
   * for tests by {@link TestTemplates}: its workspaces provision storage only, so tests of
   * requests, approvals, quotas and the storage engine launch no Spark cluster.
   */
  public static final String STORAGE_TEMPLATE = "test-storage";

  /**
   * Where an approved workspace may be by the time a test looks: the provisioning engine moves it
   * on by itself (APPROVED → PROVISIONING → READY, or FAILED).
   */
  public static final Set<WorkspaceStatus> APPROVED_OR_LATER =
      EnumSet.of(
          WorkspaceStatus.APPROVED,
          WorkspaceStatus.PROVISIONING,
          WorkspaceStatus.READY,
          WorkspaceStatus.FAILED);

  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private WorkspaceFixtures() {}

  /** The facts of a workspace with a one-worker cluster, for a step handler or the engine alone. */
  public static WorkspaceFacts clusterFacts(UUID id) {
    return new WorkspaceFacts(
        id,
        "w",
        "owner",
        UUID.randomUUID(),
        1,
        1,
        1024,
        false,
        Retention.ERADICATE,
        true,
        false,
        false,
        null);
  }

  /** A workspace name valid for {@link WorkspaceRequest}, unique per call. */
  public static String uniqueName() {
    return "ws-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /** A request with only a name (storage-only template, its default workers, DESTROY). */
  public static WorkspaceRequest request(String name) {
    return new WorkspaceRequest(name, null, STORAGE_TEMPLATE, null, null, null, null);
  }

  public static WorkspaceRequest request(String name, int workers) {
    return new WorkspaceRequest(name, null, STORAGE_TEMPLATE, workers, null, null, null);
  }

  /** A JSON body for {@code POST /api/v1/workspaces} (mutable, so tests can change one field). */
  public static Map<String, Object> requestBody(String name) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("template", STORAGE_TEMPLATE);
    return body;
  }

  public static Map<String, Object> requestBody(String name, int workers) {
    Map<String, Object> body = requestBody(name);
    body.put("workers", workers);
    return body;
  }

  /** A read model as the pages get it from {@link WorkspaceService}. */
  public static WorkspaceView view(String name, String owner, WorkspaceStatus status) {
    return view(UUID.randomUUID(), name, owner, status, null);
  }

  public static WorkspaceView view(UUID id, String name, String owner, WorkspaceStatus status) {
    return view(id, name, owner, status, null);
  }

  public static WorkspaceView view(
      UUID id, String name, String owner, WorkspaceStatus status, String description) {
    return new WorkspaceView(
        id,
        name,
        description,
        owner,
        DEFAULT_TEMPLATE,
        2,
        false,
        Retention.DESTROY,
        null,
        status,
        null,
        T0,
        T0,
        List.of(
            new WorkspaceView.HistoryEntry(
                null, WorkspaceStatus.PENDING_APPROVAL, owner, null, T0)),
        List.of(),
        null,
        null);
  }

  /** The view with these steps and this cluster (null for none) in place of its own. */
  public static WorkspaceView with(WorkspaceView v, List<StepView> steps, ClusterView cluster) {
    return new WorkspaceView(
        v.id(),
        v.name(),
        v.description(),
        v.owner(),
        v.template(),
        v.workers(),
        v.datahub(),
        v.retention(),
        v.expiresAt(),
        v.status(),
        v.statusReason(),
        v.createdAt(),
        v.updatedAt(),
        v.history(),
        steps,
        cluster,
        null);
  }

  /**
   * A cluster of two workers on host {@code local}, all running, its owner's links set; {@code
   * pySpark} as its image declared.
   */
  public static ClusterView cluster(boolean pySpark) {
    return new ClusterView(
        "workspace-portal/spark:4.0",
        2,
        2,
        true,
        List.of(
            new ClusterView.Member("master", "local", "running"),
            new ClusterView.Member("notebook", "local", "running"),
            new ClusterView.Member("worker-1", "local", "running"),
            new ClusterView.Member("worker-2", "local", "running")),
        new ClusterView.Links(
            "http://ws-0123456789ab.localhost:8081/tree",
            "http://ws-0123456789ab.localhost:8081/spark/"),
        false,
        pySpark);
  }

  /** A step of a provisioning in {@code status}, waiting for {@code waitingFor} when not null. */
  public static StepView step(
      org.workspaceportal.workspace.engine.StepKind kind,
      org.workspaceportal.workspace.engine.StepStatus status,
      String waitingFor,
      Instant since) {
    return new StepView(
        Operation.PROVISION,
        kind,
        kind.label(),
        status,
        1,
        since,
        null,
        null,
        null,
        waitingFor,
        waitingFor == null ? null : since);
  }

  /** The seeded default template as {@link TemplateService} shows it. */
  public static TemplateView defaultTemplate() {
    return new TemplateView(
        DEFAULT_TEMPLATE_ID,
        DEFAULT_TEMPLATE,
        "Small",
        "workspace-portal/spark:4.0",
        "4.0.1",
        2,
        DEFAULT_TEMPLATE_MAX_WORKERS,
        1,
        2048,
        true,
        true,
        true);
  }

  /** A second, enabled but not default template. */
  public static TemplateView largeTemplate() {
    return new TemplateView(
        UUID.fromString("00000000-0000-0000-0000-0000000000aa"),
        "spark-4.0-large",
        "Large",
        "workspace-portal/spark:4.0",
        "4.0.1",
        4,
        16,
        4,
        8192,
        false,
        true,
        true);
  }

  /** A new entity, PENDING_APPROVAL, created at {@link #T0}. */
  static Workspace workspace(String name) {
    return new Workspace(
        name,
        "for tests",
        "alice",
        DEFAULT_TEMPLATE_ID,
        2,
        null,
        false,
        Retention.DESTROY,
        null,
        T0);
  }

  /** A workspace brought to {@code status} along allowed transitions only. */
  static Workspace workspaceIn(WorkspaceStatus status) {
    Workspace w = workspace(uniqueName());
    for (WorkspaceStatus step : pathTo(status)) {
      w.moveTo(step, "moved", "admin", null, T0);
    }
    return w;
  }

  /** The shortest route from PENDING_APPROVAL to each status through the lifecycle. */
  static List<WorkspaceStatus> pathTo(WorkspaceStatus status) {
    return switch (status) {
      case PENDING_APPROVAL -> List.of();
      case REJECTED -> List.of(WorkspaceStatus.REJECTED);
      case APPROVED -> List.of(WorkspaceStatus.APPROVED);
      case PROVISIONING -> List.of(WorkspaceStatus.APPROVED, WorkspaceStatus.PROVISIONING);
      case READY ->
          List.of(WorkspaceStatus.APPROVED, WorkspaceStatus.PROVISIONING, WorkspaceStatus.READY);
      case STOPPING ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.STOPPING);
      case STOPPED ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.STOPPING,
              WorkspaceStatus.STOPPED);
      case RESIZING ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.RESIZING);
      case STARTING ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.STOPPING,
              WorkspaceStatus.STOPPED,
              WorkspaceStatus.STARTING);
      case FAILED -> List.of(WorkspaceStatus.APPROVED, WorkspaceStatus.FAILED);
      case DEGRADED ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.DEGRADED);
      case REPAIRING ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.DEGRADED,
              WorkspaceStatus.REPAIRING);
      case UNREACHABLE ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.UNREACHABLE);
      case MOVING ->
          List.of(
              WorkspaceStatus.APPROVED,
              WorkspaceStatus.PROVISIONING,
              WorkspaceStatus.READY,
              WorkspaceStatus.UNREACHABLE,
              WorkspaceStatus.MOVING);
      case DELETING -> List.of(WorkspaceStatus.APPROVED, WorkspaceStatus.DELETING);
      case DELETED -> List.of(WorkspaceStatus.DELETED);
    };
  }

  /** The expiry rules with the default settings (24 h warning, 14 days kept) on this clock. */
  public static ExpiryRules expiryRules(Clock clock) {
    return expiryRules(clock, Duration.ofDays(14));
  }

  /** The expiry rules with a 24 h warning that keep an expired workspace for {@code keep}. */
  public static ExpiryRules expiryRules(Clock clock, Duration keep) {
    return new ExpiryRules(
        new ExpiryProperties(Duration.ofHours(24), Duration.ofDays(14), Duration.ofMinutes(1)),
        () -> keep,
        () -> keep,
        clock);
  }

  /**
   * Reads the workspace as {@code who} every {@code every} until {@code condition} holds or {@code
   * timeout} has passed, asserts the condition (naming the status, reason and steps) and returns
   * the workspace as last read.
   */
  public static WorkspaceView awaitView(
      WorkspaceService workspaces,
      CurrentUser who,
      UUID id,
      Predicate<WorkspaceView> condition,
      Duration timeout,
      Duration every) {
    Instant deadline = Instant.now().plus(timeout);
    WorkspaceView ws = workspaces.get(id, who);
    while (!condition.test(ws) && Instant.now().isBefore(deadline)) {
      Pause.sleep(every.toMillis());
      ws = workspaces.get(id, who);
    }
    assertThat(condition.test(ws))
        .as(
            "%s: %s (%s), steps %s, history %s",
            ws.name(), ws.status(), ws.statusReason(), ws.steps(), ws.history())
        .isTrue();
    return ws;
  }
}
