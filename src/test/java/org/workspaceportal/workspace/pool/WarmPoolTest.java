package org.workspaceportal.workspace.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditFilter;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.HostFixtures;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostView;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.Workspace;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceRepository;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.cluster.NotebookContainer;
import org.workspaceportal.workspace.health.ClusterReconciler;
import org.workspaceportal.workspace.runtime.Footprint;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;
import org.workspaceportal.workspace.template.WorkspaceTemplateRepository;
import tools.jackson.databind.JsonNode;

/**
 * Warm pools on the machine's real engine: a template with a pool keeps that many clusters (master
 * and workers, nothing of any user) started; an approval claims one, and the workspace's notebook
 * is the only container that gets the workspace's credentials; the pool refills after a claim and
 * after a pool container dies; two claims at once never share a cluster; changing the template's
 * image drains the pool and refills it from the new image.
 */
@PortalIntegrationTest
@RequiresDocker
class WarmPoolTest {

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired WarmPoolViews pools;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired WorkspaceRepository workspaceRecords;
  @Autowired WorkspaceTemplateRepository templateRecords;
  @Autowired PoolRecords pool;
  @Autowired ClusterReconciler reconciler;
  @Autowired MeterRegistry registry;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditService audit;

  private String image;
  private UUID templateId;
  private LiveWorkspaces live;
  private final List<String> extraTags = new ArrayList<>();

  @BeforeEach
  void aTemplateOfItsOwn() {
    image = LiveWorkspaces.requireImageOfThisCheckout();
    String name = LiveWorkspaces.uniqueName("pool");
    templateId = templates.create(form(name, image, 0), "test").id();
    live = LiveWorkspaces.on(name, workspaces, identity, jdbc);
  }

  @AfterEach
  void leaveNothingBehind() {
    try {
      TemplateView t = templates.get(templateId);
      templates.update(templateId, form(t.name(), t.image(), 0), "test");
      LiveWorkspaces.awaitTrue(
          () -> poolClusters().isEmpty(), "the pool is emptied", Duration.ofMinutes(2));
    } finally {
      live.cleanUp();
      extraTags.forEach(tag -> DockerCli.run("image", "rm", tag));
    }
  }

  @Test
  void aClaimGivesAWorkingClusterWithTheWorkspacesCredentialsOnlyInItsNotebook() {
    setPoolSize(1);
    UUID pooled = awaitReady(1).getFirst();
    String master = SparkContainers.name(pooled, "master");
    String worker = SparkContainers.name(pooled, "worker-1");
    String masterId = containerId(master);
    for (String container : List.of(master, worker)) {
      assertThat(env(container))
          .as("a pool cluster's %s carries nothing of any user", container)
          .noneMatch(e -> e.startsWith("AWS_") || e.startsWith("S3_") || e.startsWith("JUPYTER"))
          .anyMatch(e -> e.startsWith("SPARK_AUTH_SECRET="));
    }
    // it counts against the host, as a pool cluster, not a workspace
    assertThat(hosts.list().stream().mapToInt(HostView::poolClusters).sum()).isEqualTo(1);
    assertThat(pools.byTemplate().get(templateId).ready()).isEqualTo(1);
    // the reconciler knows a pool cluster's containers: no orphans of a gone workspace
    reconciler.reconcile();
    assertThat(containerId(master)).isEqualTo(masterId);
    double claimsBefore = registry.counter("portal.pool.claims").count();
    // a pool cluster has the template's default workers and no datahub: other requests never claim
    WorkspaceView moreWorkers = live.request("more", 2);
    WorkspaceView withDatahub =
        live.request(
            new WorkspaceRequest(
                LiveWorkspaces.uniqueName("hub"),
                null,
                live.template(),
                1,
                true,
                Retention.ERADICATE,
                null));
    assertThat(pool.claim(facts(moreWorkers.id()))).isEmpty();
    assertThat(pool.claim(facts(withDatahub.id()))).isEmpty();
    assertThat(poolClusters()).extracting(r -> r.get("id")).containsExactly(pooled);

    WorkspaceView ws = live.ready("claims", 1);
    assertThat(registry.counter("portal.pool.claims").count()).isEqualTo(claimsBefore + 1);

    assertThat(clusterIdOf(ws.id())).as("the workspace's cluster is the pool's").isEqualTo(pooled);
    assertThat(ws.cluster().fromWarmPool()).isTrue();
    assertThat(containerId(master))
        .as("the master was claimed, not started again")
        .isEqualTo(masterId);
    String key =
        jdbc.queryForObject(
            "select access_key_id from workspace_storage where workspace_id = ?",
            String.class,
            ws.id());
    NotebookContainer notebook = new NotebookContainer(SparkContainers.name(pooled, "notebook"));
    assertThat(env(notebook.name())).contains("AWS_ACCESS_KEY_ID=" + key);
    for (String container : List.of(master, worker)) {
      assertThat(env(container)).noneMatch(e -> e.startsWith("AWS_"));
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_leases where workspace_id = ? and not pooled",
                Long.class,
                pooled))
        .as("master, worker and notebook leases are the cluster's, counted as a workspace's")
        .isEqualTo(3L);

    // the driver in the notebook authenticates with the claimed cluster's secret; its executors
    // on the pooled worker read and write the workspace's bucket with the workspace's key
    DockerCli.Result job =
        notebook.bash(
            Duration.ofMinutes(4),
            "spark-submit --name pooled"
                + NotebookContainer.SMALL_JOB
                + "pooled 2>/tmp/driver.log");
    assertThat(job.exitCode()).as(job.output() + notebook.tail("/tmp/driver.log")).isZero();
    JsonNode result = NotebookContainer.resultOf(job.output());
    assertThat(result.get("check").get("passed").asBoolean()).as(result.toString()).isTrue();

    // stopped and started like any workspace: the containers come back under the pool cluster's
    // name, the notebook's files are saved to the bucket and restored
    assertThat(
            notebook.bash(Duration.ofSeconds(30), "echo kept > $NOTEBOOK_DIR/kept.txt").exitCode())
        .isZero();
    workspaces.stop(ws.id(), live.owner());
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + pooled))
        .isEmpty();
    workspaces.start(ws.id(), live.owner());
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    assertThat(
            notebook
                .exec(Duration.ofSeconds(30), "cat", SparkContainers.NOTEBOOK_DIR + "/kept.txt")
                .output())
        .contains("kept");
    assertThat(containerId(master)).as("a new master after the start").isNotEqualTo(masterId);

    // the pool refills with a new cluster
    UUID refill = awaitReady(1, pooled).getFirst();
    assertThat(refill).isNotEqualTo(pooled);

    // deleting the workspace removes the claimed containers, labelled with the pool cluster's id
    live.delete(ws.id());
    String label = SparkContainers.WORKSPACE_LABEL + "=" + pooled;
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(DockerCli.volumesLabelled(label)).isEmpty();
  }

  @Test
  void twoClaimsAtOnceNeverShareACluster() throws Exception {
    // a thread each, as two portal instances have (the common pool may have a single one)
    ExecutorService instances = Executors.newVirtualThreadPerTaskExecutor();
    setPoolSize(2);
    Set<UUID> pooled = Set.copyOf(awaitReady(2));
    WorkspaceView first = live.request("first", 1);
    WorkspaceView second = live.request("second", 1);

    // the first claim's transaction stays open (as on a slow portal instance) while the second
    // claims on another connection: it skips the locked cluster instead of waiting or sharing it
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Optional<UUID>> slow =
        CompletableFuture.supplyAsync(
            () ->
                tx.execute(
                    status -> {
                      Optional<UUID> got = pool.claim(facts(first.id()));
                      claimed.countDown();
                      await(release);
                      return got;
                    }),
            instances);
    assertThat(claimed.await(1, TimeUnit.MINUTES)).isTrue();
    Optional<UUID> fast =
        CompletableFuture.supplyAsync(() -> pool.claim(facts(second.id())), instances)
            .get(30, TimeUnit.SECONDS);
    release.countDown();
    Optional<UUID> other = slow.get(30, TimeUnit.SECONDS);
    instances.close();

    assertThat(fast).isPresent();
    assertThat(other).isPresent();
    assertThat(fast.get()).isNotEqualTo(other.get());
    assertThat(Set.of(fast.get(), other.get())).isEqualTo(pooled);

    // both workspaces become READY on their own claimed clusters
    setPoolSize(0);
    live.approve(first.id());
    live.approve(second.id());
    for (WorkspaceView ws : List.of(first, second)) {
      live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    }
    assertThat(Set.of(clusterIdOf(first.id()), clusterIdOf(second.id()))).isEqualTo(pooled);
  }

  @Test
  void aPoolClusterWhoseContainerIsKilledIsReplaced() {
    setPoolSize(1);
    UUID pooled = awaitReady(1).getFirst();

    assertThat(DockerCli.run("rm", "-f", SparkContainers.name(pooled, "worker-1")).exitCode())
        .isZero();

    UUID replacement = awaitReady(1, pooled).getFirst();
    assertThat(replacement).isNotEqualTo(pooled);
    LiveWorkspaces.awaitTrue(
        () ->
            DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + pooled).isEmpty(),
        "the dead pool cluster's other containers are removed",
        Duration.ofMinutes(1));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_leases where workspace_id = ?", Long.class, pooled))
        .as("its leases are given back")
        .isZero();
  }

  @Test
  void changingTheTemplatesImageDrainsThePoolAndRefillsItFromTheNewImage() {
    setPoolSize(1);
    UUID old = awaitReady(1).getFirst();
    String retagged = "workspace-portal/spark:pool-test-" + templateId.toString().substring(0, 8);
    assertThat(DockerCli.run("tag", image, retagged).exitCode()).isZero();
    extraTags.add(retagged);

    TemplateView t = templates.get(templateId);
    templates.update(templateId, form(t.name(), retagged, 1), "test");

    UUID fresh = awaitReady(1, old).getFirst();
    assertThat(fresh).isNotEqualTo(old);
    assertThat(
            DockerCli.run(
                    "inspect", "-f", "{{.Config.Image}}", SparkContainers.name(fresh, "master"))
                .output()
                .strip())
        .isEqualTo(retagged);
    LiveWorkspaces.awaitTrue(
        () -> DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + old).isEmpty(),
        "the old image's pool cluster is removed",
        Duration.ofMinutes(1));
  }

  @Test
  void anIdlePoolClusterGivesWayToAWorkspaceThatWaitsForRoom() {
    // one host with room for the pool cluster (1 core) and one more core, whatever the machine has
    HostView local =
        hosts.list().stream()
            .filter(h -> h.endpoint().startsWith("unix://"))
            .findFirst()
            .orElseThrow();
    List<HostView> others =
        hosts.list().stream()
            .filter(h -> !h.id().equals(local.id()) && h.acceptsWorkspaces())
            .toList();
    others.forEach(h -> hosts.setDrained(h.id(), true, "test"));
    hosts.update(
        local.id(),
        HostFixtures.withOffer(local, local.usedCpus() + 2, local.configuredMemoryMb()),
        "test");
    try {
      setPoolSize(1);
      // what the form says it costs: one worker's core of the host's two free ones and more
      Footprint cost = pools.cost(1, 1, 1, 1024);
      assertThat(cost.cores()).isEqualTo(1);
      assertThat(cost.memoryMb()).isGreaterThan(2048); // the master, the worker and its daemon
      assertThat(cost.hostCores()).isPositive();
      assertThat(cost.coresPercent()).isPositive();
      UUID pooled = awaitReady(1).getFirst();

      // more workers than the pool's, so it cannot claim; 2 cores, so it waits for room
      WorkspaceView ws = live.approved("waits", 2);

      live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
      assertThat(poolClusters()).extracting(r -> r.get("id")).doesNotContain(pooled);
      assertThat(clusterIdOf(ws.id())).isEqualTo(ws.id());
      String name = templates.get(templateId).name();
      assertThat(auditOf("template.pool-resized", name))
          .extracting(AuditEntry::detail)
          .containsExactly("warm pool 0 → 1");
      assertThat(auditOf("pool.gave-way", name))
          .allSatisfy(
              e -> assertThat(e.targetPath()).isEqualTo("/admin/templates#template-" + name))
          .extracting(AuditEntry::detail)
          .containsExactly(
              "warm pool 1 → 0 clusters: a workspace waits for room on the hosts (pool cluster "
                  + pooled
                  + ")");
    } finally {
      hosts.update(
          local.id(),
          HostFixtures.withOffer(local, local.configuredCpus(), local.configuredMemoryMb()),
          "test");
      others.forEach(h -> hosts.setDrained(h.id(), false, "test"));
    }
  }

  @Test
  void aPoolThatCannotFillSaysWhy() {
    templates.setEnabled(templateId, false, "test");
    try {
      setPoolSize(1);
      TemplateView t = templates.get(templateId);

      assertThat(pools.whyShort(List.of(t)))
          .containsEntry(templateId, "No pool while the template is disabled.");
      assertThat(poolClusters()).as("nothing is started for it").isEmpty();
    } finally {
      setPoolSize(0);
      templates.setEnabled(templateId, true, "test");
    }
    assertThat(pools.whyShort(List.of(templates.get(templateId))))
        .as("a template without a pool says nothing")
        .isEmpty();
  }

  private List<AuditEntry> auditOf(String action, String template) {
    return audit.search(new AuditFilter(action, null, null, null), 0, 100).getContent().stream()
        .filter(e -> e.target().equals(template))
        .toList();
  }

  private static TemplateForm form(String name, String image, int poolSize) {
    return new TemplateForm(
        name, "warm pool tests", image, "4.0.1", 1, 2, 1, 1024, null, poolSize, null);
  }

  private void setPoolSize(int size) {
    TemplateView t = templates.get(templateId);
    templates.update(templateId, form(t.name(), t.image(), size), "test");
  }

  /**
   * Waits until the template's pool has exactly {@code n} clusters, all READY and none of {@code
   * gone}; their ids.
   */
  private List<UUID> awaitReady(int n, UUID... gone) {
    Set<UUID> notThese = Set.of(gone);
    LiveWorkspaces.awaitTrue(
        () -> {
          List<Map<String, Object>> rows = poolClusters();
          return rows.size() == n
              && rows.stream()
                  .allMatch(
                      r ->
                          "READY".equals(r.get("state")) && !notThese.contains((UUID) r.get("id")));
        },
        n + " READY pool clusters (now: " + poolClusters() + ")",
        Duration.ofMinutes(4));
    return poolClusters().stream().map(r -> (UUID) r.get("id")).toList();
  }

  private List<Map<String, Object>> poolClusters() {
    return jdbc.queryForList(
        "select id, state, reason from pool_clusters where template_id = ? order by created_at",
        templateId);
  }

  private UUID clusterIdOf(UUID workspaceId) {
    return jdbc.queryForObject(
        "select cluster_id from workspace_clusters where workspace_id = ?",
        UUID.class,
        workspaceId);
  }

  private WorkspaceFacts facts(UUID workspaceId) {
    Workspace ws = workspaceRecords.findById(workspaceId).orElseThrow();
    return ws.facts(templateRecords.findById(ws.templateId()).orElseThrow());
  }

  private static String containerId(String name) {
    return DockerCli.run("inspect", "-f", "{{.Id}}", name).output().strip();
  }

  private static List<String> env(String container) {
    DockerCli.Result r =
        DockerCli.run("inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", container);
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r.output().lines().toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(1, TimeUnit.MINUTES)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
