package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.compute.ClusterProbe;
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
import org.workspaceportal.scheduling.RecurringTasks;

/**
 * The pool manager, a db-scheduler recurring task (one instance at a time): keeps each template's
 * warm pool at its size. Each pass removes what is unfit (the template's image or sizes changed,
 * the template was disabled, the pool made smaller, a host drained, removed or down, a container
 * dead, a worker lost, too slow to start), brings STARTING clusters up (image, master, workers,
 * then READY once every worker joined), and starts new ones while a pool is short, unless a
 * workspace is being started (its notebook gets the cores first) or waits for room. Nothing here
 * waits inside a transaction, and every step is idempotent, so a pass cut short by a crash is
 * finished by the next. {@code portal_pool_clusters{state}} says how many pool clusters there are
 * (as of the last pass); {@code portal_pool_claims_total} how many approvals got one.
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
  private final Map<PoolCluster.State, AtomicInteger> counts =
      new EnumMap<>(PoolCluster.State.class);

  /** Passes in a row a READY pool cluster must look unwell before it is replaced. */
  private static final int SIGHTINGS = 3;

  /** READY pool clusters that looked unwell, by how many passes in a row. */
  private final Map<UUID, Integer> suspected = new ConcurrentHashMap<>();

  /** Templates whose pool found no room on the last try: told once, not at every pass. */
  private final Set<UUID> noRoom = ConcurrentHashMap.newKeySet();

  WarmPools(
      WarmPool pool,
      ClusterPlans plans,
      ClusterContainers containers,
      HostService hosts,
      ContainerEngine engines,
      ClusterProbe probe,
      PoolProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.pool = pool;
    this.plans = plans;
    this.containers = containers;
    this.hosts = hosts;
    this.engines = engines;
    this.probe = probe;
    this.properties = properties;
    this.clock = clock;
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

  /** One pass over every pool: drain what is unfit, bring up what starts, fill what is short. */
  void tend() {
    Map<UUID, WorkspaceTemplate> templates = pool.templates();
    List<PoolCluster> all = pool.all();
    if (all.isEmpty() && templates.values().stream().noneMatch(t -> wanted(t) > 0)) {
      counts.values().forEach(gauge -> gauge.set(0));
      return;
    }
    Map<UUID, HostView> byId =
        hosts.list().stream().collect(Collectors.toMap(HostView::id, Function.identity()));
    suspected.keySet().retainAll(all.stream().map(PoolCluster::id).toList());
    boolean workspaceWaits = pool.aWorkspaceWaitsForRoom();
    drainUnfit(all, templates, byId, workspaceWaits);
    for (PoolCluster p : pool.all()) {
      try {
        switch (p.state()) {
          case STARTING -> bringUp(p);
          case READY -> check(p);
          case REMOVING -> remove(p, byId);
        }
      } catch (NoCapacityException e) {
        pool.removed(p.id());
        noRoomFor(templates.get(p.templateId()), e);
      } catch (RuntimeException e) {
        // a host that does not answer, or a cluster claimed since this pass read it
        log.info("Pool cluster {} not tended this pass: {}", p.id(), e.getMessage());
      }
    }
    List<PoolCluster> now = pool.all();
    if (!workspaceWaits && !pool.aWorkspaceIsStarting(properties.yieldFor())) {
      fill(templates, now); // the gauges below show what it adds at the next pass
    }
    counts.forEach(
        (state, gauge) -> gauge.set((int) now.stream().filter(p -> p.state() == state).count()));
  }

  /** How many clusters the template's pool should hold. */
  private static int wanted(WorkspaceTemplate t) {
    return t.enabled() && t.cluster() ? t.poolSize() : 0;
  }

  /**
   * Marks for removal what is unfit or surplus; and, while a workspace waits for room on the hosts,
   * one more cluster per pass (a STARTING one first): idle pool clusters give way to real work.
   */
  private void drainUnfit(
      List<PoolCluster> all,
      Map<UUID, WorkspaceTemplate> templates,
      Map<UUID, HostView> hostsById,
      boolean workspaceWaits) {
    boolean leaving = all.stream().anyMatch(p -> p.state() == PoolCluster.State.REMOVING);
    Map<UUID, Integer> kept = new HashMap<>();
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
        leaving = true;
        log.info("Pool cluster {} drained: {}", p.id(), why);
      }
    }
    if (workspaceWaits && !leaving && !byPreference.isEmpty()) {
      PoolCluster last = byPreference.getLast(); // the newest STARTING one, else the newest READY
      if (pool.removing(last.id(), "a workspace waits for room on the hosts")) {
        log.info("Pool cluster {} gives way to a workspace waiting for room", last.id());
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
      // new, or made by a pass that stopped before placing it; NoCapacityException: no room
      pool.place(p);
      placed = plans.placements(p.id());
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

  /**
   * A READY one whose container stopped or vanished is replaced at once; one whose master does not
   * answer or lists fewer workers is replaced only when that holds for {@link #SIGHTINGS} passes in
   * a row (a master busy for a moment, a worker re-registering).
   */
  private void check(PoolCluster p) {
    Map<String, Placement> placed = plans.placements(p.id());
    if (placed.isEmpty()) {
      return; // claimed since this pass read it: a workspace's now
    }
    List<String> dead = dead(p, placed);
    if (dead.isEmpty()) {
      int alive = probe.aliveWorkers(plans.poolCluster(p).masterUi());
      if (alive >= p.workers()) {
        suspected.remove(p.id());
        return;
      }
      if (suspected.merge(p.id(), 1, Integer::sum) < SIGHTINGS) {
        return;
      }
      dead =
          List.of(
              alive < 0
                  ? "its master does not answer"
                  : alive + " of " + p.workers() + " workers alive");
    }
    suspected.remove(p.id());
    if (pool.removing(p.id(), String.join(", ", dead))) {
      log.warn("Pool cluster {} is replaced: {}", p.id(), dead);
    }
  }

  /**
   * The pool cluster's containers that exited or vanished, in words (the reconciler's census); a
   * STARTING one's containers not made yet are not missing.
   */
  private List<String> dead(PoolCluster p, Map<String, Placement> placed) {
    Map<String, String> mine = SparkContainers.labelled(p.id());
    Map<UUID, List<ContainerInfo>> found = new HashMap<>();
    List<ClusterCensus.Expected> expected = new ArrayList<>();
    for (Placement h : placed.values()) {
      found.computeIfAbsent(h.hostId(), id -> engines.containers(hosts.endpointOf(id), mine));
      expected.add(
          new ClusterCensus.Expected(
              h.role(), h.hostId(), h.hostName(), SparkContainers.name(p.id(), h.role())));
    }
    return ClusterCensus.missing(expected, found).stream()
        .filter(
            m -> p.state() == PoolCluster.State.READY || !m.what().equals(ClusterCensus.VANISHED))
        .map(ClusterCensus.Missing::toString)
        .toList();
  }

  /**
   * Removes its containers and volumes, then gives back what it held. A host that is DOWN or gone
   * is not waited for: nothing of any user is on it, and once the host answers again the reconciler
   * removes what is left there (labelled for a pool cluster the portal no longer knows).
   */
  private void remove(PoolCluster p, Map<UUID, HostView> hostsById) {
    List<Placement> reachable =
        plans.placements(p.id()).values().stream()
            .filter(
                h ->
                    hostsById.containsKey(h.hostId())
                        && hostsById.get(h.hostId()).status() != HostStatus.DOWN)
            .toList();
    containers.removeEverywhere(p.id(), reachable, "the pool cluster's");
    pool.removed(p.id());
    log.info("Pool cluster {} removed ({})", p.id(), p.reason());
  }

  private void noRoomFor(WorkspaceTemplate t, NoCapacityException e) {
    if (t != null && noRoom.add(t.id())) {
      log.warn("No room for the warm pool of {} (it waits): {}", t.name(), e.getMessage());
    }
  }

  /** Starts clusters while a pool is short; a pool with no room waits for the next pass. */
  private void fill(Map<UUID, WorkspaceTemplate> templates, List<PoolCluster> all) {
    Map<UUID, Long> have =
        all.stream()
            .filter(p -> p.state() != PoolCluster.State.REMOVING)
            .collect(Collectors.groupingBy(PoolCluster::templateId, Collectors.counting()));
    for (WorkspaceTemplate t : templates.values()) {
      for (long n = have.getOrDefault(t.id(), 0L); n < wanted(t); n++) {
        PoolCluster p = pool.add(t);
        try {
          bringUp(p);
          noRoom.remove(t.id());
        } catch (NoCapacityException e) {
          pool.removed(p.id());
          noRoomFor(t, e);
          break;
        } catch (RuntimeException e) {
          log.info("Pool cluster {} not started this pass: {}", p.id(), e.getMessage());
        }
      }
    }
  }
}
