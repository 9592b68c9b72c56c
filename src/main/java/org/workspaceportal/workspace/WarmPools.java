package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.PullStatus;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.NoCapacityException;
import org.workspaceportal.host.Placement;

/**
 * The pool manager, a db-scheduler recurring task (one instance at a time): keeps each template's
 * warm pool at its size. Each pass removes what is unfit (the template's image or sizes changed,
 * the template was disabled, the pool made smaller, a host drained, removed or down, a container
 * dead, a worker lost, too slow to start), brings STARTING clusters up (image, master, workers,
 * then READY once every worker joined), and starts new ones while a pool is short. Nothing here
 * waits inside a transaction, and every step is idempotent, so a pass cut short by a crash is
 * finished by the next.
 */
@Configuration(proxyBeanMethods = false)
class WarmPools {

  private static final Logger log = LoggerFactory.getLogger(WarmPools.class);

  private final WarmPool pool;
  private final ClusterPlans plans;
  private final ClusterContainers containers;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final ClusterProbe probe;
  private final PoolProperties properties;
  private final Clock clock;

  WarmPools(
      WarmPool pool,
      ClusterPlans plans,
      ClusterContainers containers,
      HostService hosts,
      ContainerEngine engines,
      ClusterProbe probe,
      PoolProperties properties,
      Clock clock) {
    this.pool = pool;
    this.plans = plans;
    this.containers = containers;
    this.hosts = hosts;
    this.engines = engines;
    this.probe = probe;
    this.properties = properties;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> warmPoolTask() {
    return Tasks.recurring("warm-pools", Schedules.fixedDelay(properties.interval()))
        .execute((instance, context) -> tend());
  }

  /** One pass over every pool: drain what is unfit, bring up what starts, fill what is short. */
  void tend() {
    Map<UUID, WorkspaceTemplate> templates = pool.templates();
    List<PoolCluster> all = pool.all();
    if (all.isEmpty() && templates.values().stream().noneMatch(t -> wanted(t) > 0)) {
      return;
    }
    Map<UUID, HostView> byId =
        hosts.list().stream().collect(Collectors.toMap(HostView::id, Function.identity()));
    drainUnfit(all, templates, byId);
    for (PoolCluster p : pool.all()) {
      try {
        switch (p.state()) {
          case STARTING -> bringUp(p);
          case READY -> check(p);
          case REMOVING -> remove(p);
        }
      } catch (ComputeException e) {
        log.info("Pool cluster {} not tended this pass: {}", p.id(), e.getMessage());
      }
    }
    fill(templates);
  }

  /** How many clusters the template's pool should hold. */
  private static int wanted(WorkspaceTemplate t) {
    return t.enabled() && t.cluster() ? t.poolSize() : 0;
  }

  private void drainUnfit(
      List<PoolCluster> all,
      Map<UUID, WorkspaceTemplate> templates,
      Map<UUID, HostView> hostsById) {
    Map<UUID, Integer> kept = new java.util.HashMap<>();
    // READY ones are kept before STARTING ones when a pool was made smaller
    List<PoolCluster> byPreference =
        all.stream()
            .filter(p -> p.state() != PoolCluster.State.REMOVING)
            .sorted(
                Comparator.comparing((PoolCluster p) -> p.state() != PoolCluster.State.READY)
                    .thenComparing(PoolCluster::createdAt))
            .toList();
    for (PoolCluster p : byPreference) {
      WorkspaceTemplate t = templates.get(p.templateId());
      String why = unfit(p, t, hostsById);
      if (why == null && kept.merge(t.id(), 1, Integer::sum) > wanted(t)) {
        why = "the pool of " + t.name() + " was made smaller";
      }
      if (why != null && pool.removing(p.id(), why)) {
        log.info("Pool cluster {} drained: {}", p.id(), why);
      }
    }
  }

  /** Why the pool cluster must go, or null. */
  private String unfit(PoolCluster p, WorkspaceTemplate t, Map<UUID, HostView> hostsById) {
    if (t == null || wanted(t) == 0) {
      return "its template has no pool any more";
    }
    if (!t.fits(p)) {
      return "the template " + t.name() + " changed (image or sizes)";
    }
    for (Placement placed : plans.placements(p.id()).values()) {
      HostView h = hostsById.get(placed.hostId());
      if (h == null || h.drained()) {
        return "host " + placed.hostName() + " was drained or removed";
      }
      if (h.status() == HostStatus.DOWN) {
        return "host " + placed.hostName() + " does not answer";
      }
    }
    return null;
  }

  /** Image on every host, then the master and the workers; READY once every worker joined. */
  private void bringUp(PoolCluster p) {
    if (p.createdAt().plus(properties.startTimeout()).isBefore(clock.instant())) {
      pool.removing(p.id(), "it did not come up within " + properties.startTimeout());
      return;
    }
    Map<String, Placement> placed = plans.placements(p.id());
    if (placed.isEmpty()) {
      return; // placed in the same pass that made it; a crash in between leaves it to time out
    }
    for (Placement h : placed.values()) {
      EngineEndpoint endpoint = hosts.endpointOf(h.hostId());
      if (!engines.hasImage(endpoint, p.image())) {
        PullStatus pull = engines.pull(endpoint, p.image());
        if (pull.state() == PullStatus.State.FAILED) {
          pool.removing(
              p.id(),
              "host " + h.hostName() + " could not get " + p.image() + ": " + pull.failure());
        }
        if (pull.state() != PullStatus.State.DONE) {
          return;
        }
      }
    }
    SparkCluster cluster = plans.poolCluster(p);
    List<String> dead = dead(p, placed);
    if (!dead.isEmpty()) {
      pool.removing(p.id(), String.join(", ", dead));
      return;
    }
    containers.start(placed.get(ClusterPlans.MASTER), SparkContainers.master(cluster), List.of());
    containers.startWorkers(cluster, placed, (role, c) -> {});
    if (probe.aliveWorkers(cluster.masterUi()) >= p.workers() && pool.ready(p.id())) {
      log.info("Pool cluster {} is READY", p.id());
    }
  }

  /** A READY one whose container stopped or whose worker left is replaced. */
  private void check(PoolCluster p) {
    Map<String, Placement> placed = plans.placements(p.id());
    List<String> dead = dead(p, placed);
    if (dead.isEmpty()) {
      int alive = probe.aliveWorkers(plans.poolCluster(p).masterUi());
      if (alive >= p.workers()) {
        return;
      }
      dead = List.of(Math.max(alive, 0) + " of " + p.workers() + " workers alive");
    }
    if (pool.removing(p.id(), String.join(", ", dead))) {
      log.warn("Pool cluster {} is replaced: {}", p.id(), dead);
    }
  }

  /** The pool cluster's containers that exited or vanished, in words. */
  private List<String> dead(PoolCluster p, Map<String, Placement> placed) {
    Map<String, String> mine = SparkContainers.labelled(p.id());
    List<String> dead = new ArrayList<>();
    Map<UUID, List<ContainerInfo>> found = new java.util.HashMap<>();
    for (Placement h : placed.values()) {
      found.computeIfAbsent(h.hostId(), id -> engines.containers(hosts.endpointOf(id), mine));
    }
    for (Placement h : placed.values()) {
      String name = SparkContainers.name(p.id(), h.role());
      ContainerInfo c =
          found.get(h.hostId()).stream()
              .filter(i -> name.equals(i.name()))
              .findFirst()
              .orElse(null);
      if (c != null && !c.running()) {
        dead.add("its " + h.role() + " container " + c.state());
      } else if (c == null && p.state() == PoolCluster.State.READY) {
        dead.add("its " + h.role() + " container vanished");
      }
    }
    return dead;
  }

  private void remove(PoolCluster p) {
    containers.removeEverywhere(p.id(), plans.placements(p.id()).values());
    pool.removed(p.id());
    log.info("Pool cluster {} removed ({})", p.id(), p.reason());
  }

  /** Starts clusters while a pool is short; a pool with no room waits for the next pass. */
  private void fill(Map<UUID, WorkspaceTemplate> templates) {
    Map<UUID, Long> have =
        pool.all().stream()
            .filter(p -> p.state() != PoolCluster.State.REMOVING)
            .collect(Collectors.groupingBy(PoolCluster::templateId, Collectors.counting()));
    for (WorkspaceTemplate t : templates.values()) {
      for (long n = have.getOrDefault(t.id(), 0L); n < wanted(t); n++) {
        PoolCluster p = pool.add(t);
        try {
          pool.place(p);
        } catch (NoCapacityException e) {
          pool.removed(p.id());
          log.info("No room for the warm pool of {}: {}", t.name(), e.getMessage());
          break;
        }
        try {
          bringUp(p);
        } catch (ComputeException e) {
          log.info("Pool cluster {} not started this pass: {}", p.id(), e.getMessage());
        }
      }
    }
  }
}
