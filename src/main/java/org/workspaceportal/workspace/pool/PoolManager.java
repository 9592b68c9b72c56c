package org.workspaceportal.workspace.pool;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.scheduling.JobScheduler;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.engine.WorkspaceJob;
import org.workspaceportal.workspace.runtime.Census;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Role;
import org.workspaceportal.workspace.template.WorkspaceTemplate;

/**
 * The pool manager, a recurring task (one instance at a time): keeps each template's warm pool at
 * its size. What only pools need is here: sizing (a new pool cluster is a record and a job; the
 * engine provisions it with the same steps and runtime as a workspace's cluster), draining what is
 * unfit (the template's image or sizes changed, the template was disabled, the pool made smaller, a
 * host drained, removed or down, a role that died, too slow to start), and giving way (no refill
 * while a workspace is being started, one pool cluster drained per pass while a workspace waits for
 * room). {@code portal_pool_clusters{state}} says how many pool clusters there are (as of the last
 * pass); {@code portal_pool_claims_total} how many approvals got one.
 */
@Configuration(proxyBeanMethods = false)
class PoolManager {

  private static final Logger log = LoggerFactory.getLogger(PoolManager.class);

  /** How long a pool cluster whose teardown failed waits before it is tried again. */
  private static final Duration RETRY_TEARDOWN_AFTER = Duration.ofMinutes(1);

  private final PoolRecords pool;
  private final ClusterRuntime runtime;
  private final JobScheduler jobs;
  private final PoolProperties properties;
  private final Clock clock;
  private final Map<PoolCluster.State, AtomicInteger> counts =
      new EnumMap<>(PoolCluster.State.class);
  private final AtomicInteger spares;
  private volatile int sparePodsPerHost;

  PoolManager(
      PoolRecords pool,
      ClusterRuntime runtime,
      JobScheduler jobs,
      PoolProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.pool = pool;
    this.runtime = runtime;
    this.jobs = jobs;
    this.properties = properties;
    this.clock = clock;
    this.spares = registry.gauge("portal.spare.pods", new AtomicInteger());
    this.sparePodsPerHost = properties.sparePodsPerHost();
    for (PoolCluster.State state : PoolCluster.State.values()) {
      counts.put(
          state,
          registry.gauge(
              "portal.pool.clusters", List.of(Tag.of("state", state.name())), new AtomicInteger()));
    }
  }

  @Bean
  RecurringTask<Void> warmPoolTask() {
    return RecurringTasks.every("warm-pools", properties.interval(), this::tend);
  }

  /** One pass over every pool: drain what is unfit or dead, retry failed teardowns, fill. */
  void tend() {
    Map<UUID, WorkspaceTemplate> templates = pool.templates();
    boolean starting = pool.aWorkspaceIsStarting(properties.yieldFor());
    tendSpares(templates, starting);
    List<PoolCluster> all = pool.all();
    if (all.isEmpty() && templates.values().stream().noneMatch(t -> wanted(t) > 0)) {
      counts.values().forEach(gauge -> gauge.set(0));
      return;
    }
    boolean workspaceWaits = pool.aWorkspaceWaitsForRoom();
    drainUnfit(all, templates, workspaceWaits);
    for (PoolCluster p : pool.all()) {
      try {
        switch (p.state()) {
          case STARTING, READY -> drainIfUnwell(p);
          case FAILED -> {
            if (p.updatedAt().plus(RETRY_TEARDOWN_AFTER).isBefore(clock.instant())) {
              pool.retryTeardown(p.id());
            }
          }
          case REMOVING -> {}
        }
        // its job, again if the portal died between making the record and queueing the job
        jobs.queue(WorkspaceJob.instance(p.id()));
      } catch (ExternalSystemException e) {
        log.info("Pool cluster {} not checked this pass: {}", p.id(), e.getMessage());
      }
    }
    List<PoolCluster> now = pool.all();
    if (!workspaceWaits && !starting) {
      fill(templates, now); // the gauges below show what it adds at the next pass
    }
    counts.forEach(
        (state, gauge) -> gauge.set((int) now.stream().filter(p -> p.state() == state).count()));
  }

  /**
   * Spare pods on every host that takes workspaces, made with an image an enabled cluster template
   * names (any does: a pod only holds its cluster's network); none are added while a workspace is
   * being started (its containers get the engine first), and those that went unfit go at once.
   */
  private void tendSpares(Map<UUID, WorkspaceTemplate> templates, boolean starting) {
    List<String> images =
        templates.values().stream()
            .filter(t -> t.enabled() && t.cluster())
            .sorted(Comparator.comparing(WorkspaceTemplate::name))
            .map(WorkspaceTemplate::image)
            .distinct()
            .toList();
    try {
      spares.set(runtime.keepSpares(images, sparePodsPerHost, !starting));
    } catch (RuntimeException e) {
      // the pools' pass goes on: a spare is an optimisation, a pool cluster a promise
      log.info("Spare pods not tended this pass: {}", e.getMessage());
    }
  }

  /** How many spare pods each host keeps from the next pass on (0: those there go). */
  void sparePodsPerHost(int perHost) {
    this.sparePodsPerHost = perHost;
  }

  /** How many clusters the template's pool should hold. */
  private static int wanted(WorkspaceTemplate t) {
    return t.enabled() && t.cluster() ? t.poolSize() : 0;
  }

  /**
   * Marks for teardown what is unfit or surplus; and, while a workspace waits for room on the
   * hosts, one more cluster per pass (a STARTING one first): idle pool clusters give way to real
   * work.
   */
  private void drainUnfit(
      List<PoolCluster> all, Map<UUID, WorkspaceTemplate> templates, boolean workspaceWaits) {
    boolean leaving =
        all.stream()
            .anyMatch(
                p ->
                    p.state() == PoolCluster.State.REMOVING
                        || p.state() == PoolCluster.State.FAILED);
    Map<UUID, Integer> kept = new HashMap<>();
    // READY ones are kept before STARTING ones when a pool was made smaller
    List<PoolCluster> byPreference =
        all.stream()
            .filter(
                p ->
                    p.state() == PoolCluster.State.READY || p.state() == PoolCluster.State.STARTING)
            .sorted(
                Comparator.comparing((PoolCluster p) -> p.state() != PoolCluster.State.READY)
                    .thenComparing(PoolCluster::createdAt))
            .toList();
    for (PoolCluster p : byPreference) {
      WorkspaceTemplate t = templates.get(p.templateId());
      String why = unfit(p, t);
      if (why == null && kept.merge(t.id(), 1, Integer::sum) > wanted(t)) {
        why = "the pool of " + t.name() + " was made smaller";
      }
      if (why != null && drain(p, why)) {
        leaving = true;
      }
    }
    if (workspaceWaits && !leaving && !byPreference.isEmpty()) {
      PoolCluster last = byPreference.getLast(); // the newest STARTING one, else the newest READY
      drain(last, "a workspace waits for room on the hosts", true);
    }
  }

  /** Why the pool cluster must go, or null. */
  private String unfit(PoolCluster p, WorkspaceTemplate t) {
    if (t == null || wanted(t) == 0) {
      return "its template has no pool any more";
    }
    if (!p.fits(t)) {
      return "the template " + t.name() + " changed (image or sizes)";
    }
    if (p.state() == PoolCluster.State.STARTING
        && p.createdAt().plus(properties.startTimeout()).isBefore(clock.instant())) {
      return "it did not come up within " + properties.startTimeout();
    }
    return null;
  }

  /**
   * One that runs on a host that is down, drained or gone, or a READY one whose roles do not all
   * run (a container died or vanished), is replaced: the runtime's census, as the reconciler reads
   * it for workspaces. (A STARTING one's roles may not have started yet: its steps wait for them.)
   */
  private void drainIfUnwell(PoolCluster p) {
    List<String> roles = new ArrayList<>();
    roles.add(Role.MASTER);
    for (int i = 1; i <= p.workers(); i++) {
      roles.add(Role.worker(i));
    }
    Census census = runtime.census(p.id(), roles);
    if (!census.unreachable().isEmpty()) {
      drain(p, "host " + String.join(", ", census.unreachable()) + " does not answer");
    } else if (!census.draining().isEmpty()) {
      drain(p, "host " + String.join(", ", census.draining()) + " was drained");
    } else if (p.state() == PoolCluster.State.READY && !census.absent().isEmpty()) {
      drain(p, census.absentInWords());
    }
  }

  private boolean drain(PoolCluster p, String why) {
    return drain(p, why, false);
  }

  private boolean drain(PoolCluster p, String why, boolean gaveWay) {
    if (!pool.removing(p.id(), why, gaveWay)) {
      return false;
    }
    log.info("Pool cluster {} drained: {}", p.id(), why);
    jobs.queue(WorkspaceJob.instance(p.id()));
    return true;
  }

  /** Adds pool clusters while a pool is short; each is provisioned by its own job. */
  private void fill(Map<UUID, WorkspaceTemplate> templates, List<PoolCluster> all) {
    Map<UUID, Long> have =
        all.stream()
            .filter(
                p ->
                    p.state() == PoolCluster.State.READY || p.state() == PoolCluster.State.STARTING)
            .collect(Collectors.groupingBy(PoolCluster::templateId, Collectors.counting()));
    for (WorkspaceTemplate t : templates.values()) {
      for (long n = have.getOrDefault(t.id(), 0L); n < wanted(t); n++) {
        PoolCluster p = pool.add(t);
        jobs.queue(WorkspaceJob.instance(p.id()));
        log.info("Pool cluster {} of {} is being started", p.id(), t.name());
      }
    }
  }
}
