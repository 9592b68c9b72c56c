package org.workspaceportal.workspace;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeInfo;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.ClusterCensus.Missing;
import org.workspaceportal.workspace.ReconcilerMoves.Watched;

/**
 * Compares the hosts with the records, as a db-scheduler recurring task (one instance at a time): a
 * READY workspace whose container died or vanished becomes DEGRADED and is repaired (a REPAIR
 * operation, durable like the others) a bounded number of times; one with a container on a DOWN
 * host becomes UNREACHABLE until the host answers again; containers and volumes this portal made
 * for workspaces that are gone are removed. An engine that cannot be asked is never read as
 * "everything is missing": that workspace waits for the next pass.
 */
@Configuration(proxyBeanMethods = false)
class ClusterReconciler {

  private static final Logger log = LoggerFactory.getLogger(ClusterReconciler.class);

  private final ReconcilerMoves moves;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final Installation installation;
  private final ReconcilerMetrics metrics;
  private final ReconcilerProperties properties;
  private final Clock clock;

  /**
   * READY workspaces seen with something missing once, by when they last changed: one sighting may
   * be a stop or a step caught half-way, so a second pass must see the same before anything moves.
   */
  private final Map<UUID, Instant> suspected = new ConcurrentHashMap<>();

  /** When each host's volumes were first seen, by host and name: their age for orphan removal. */
  private final Map<UUID, Map<String, Instant>> volumesSeen = new ConcurrentHashMap<>();

  ClusterReconciler(
      ReconcilerMoves moves,
      HostService hosts,
      ContainerEngine engines,
      Installation installation,
      ReconcilerMetrics metrics,
      ReconcilerProperties properties,
      Clock clock) {
    this.moves = moves;
    this.hosts = hosts;
    this.engines = engines;
    this.installation = installation;
    this.metrics = metrics;
    this.properties = properties;
    this.clock = clock;
  }

  @Bean
  RecurringTask<Void> clusterReconcilerTask() {
    return RecurringTasks.every(
        "cluster-reconciler",
        properties.interval(),
        () -> {
          if (properties.enabled()) {
            reconcile();
          }
        });
  }

  /** One pass over every watched workspace, then every host's orphans. */
  void reconcile() {
    Map<UUID, HostView> byId =
        hosts.list().stream().collect(Collectors.toMap(HostView::id, Function.identity()));
    Map<UUID, String> names = new HashMap<>();
    byId.values().forEach(h -> names.put(h.id(), h.name()));
    for (Watched w : moves.watched(names)) {
      try {
        check(w, byId);
      } catch (ComputeException e) {
        log.info("Workspace {} not checked this pass: {}", w.id(), e.getMessage());
      }
    }
    for (HostView host : byId.values()) {
      if (host.status() == HostStatus.UP) {
        try {
          removeOrphans(host);
        } catch (ComputeException e) {
          log.info("Orphans on host {} not checked this pass: {}", host.name(), e.getMessage());
        }
      }
    }
  }

  private void check(Watched w, Map<UUID, HostView> byId) {
    List<String> down =
        w.hostIds().stream()
            .map(byId::get)
            .filter(h -> h == null || h.status() == HostStatus.DOWN)
            .map(h -> h == null ? "a removed host" : h.name())
            .sorted()
            .toList();
    if (!down.isEmpty()) {
      suspected.remove(w.id());
      if (w.status() != WorkspaceStatus.UNREACHABLE) {
        moves.move(
            w,
            WorkspaceStatus.UNREACHABLE,
            "Host "
                + String.join(", ", down)
                + " does not answer, so its containers cannot be checked; the workspace comes back"
                + " by itself when the host answers again.");
      }
      return;
    }
    List<Missing> missing = ClusterCensus.missing(w.expected(), census(w));
    switch (w.status()) {
      case READY -> {
        if (missing.isEmpty() || !confirmed(w)) {
          if (missing.isEmpty()) {
            suspected.remove(w.id());
          }
          return;
        }
        if (moves.degraded(w, missing)) {
          log.warn("Workspace {} is DEGRADED: {}", w.id(), ClusterCensus.reason(missing));
          moves.repairAutomatically(w.id());
        }
      }
      case UNREACHABLE -> {
        if (missing.isEmpty()) {
          moves.move(w, WorkspaceStatus.READY, "Every host answers again; every container runs.");
        } else if (moves.degraded(w, missing)) {
          moves.repairAutomatically(w.id());
        }
      }
      default -> moves.repairAutomatically(w.id()); // DEGRADED: again, unless it had its share
    }
  }

  /** Whether a previous pass saw this workspace, unchanged since, with something missing. */
  private boolean confirmed(Watched w) {
    Instant before = suspected.put(w.id(), w.updatedAt());
    if (w.updatedAt().equals(before)) {
      suspected.remove(w.id());
      return true;
    }
    return false;
  }

  /** The workspace's labelled containers on each of its hosts. */
  private Map<UUID, List<ContainerInfo>> census(Watched w) {
    Map<String, String> mine = SparkContainers.labelled(w.clusterId());
    Map<UUID, List<ContainerInfo>> found = new HashMap<>();
    for (UUID hostId : w.hostIds()) {
      found.put(hostId, engines.containers(hosts.endpointOf(hostId), mine));
    }
    return found;
  }

  private void removeOrphans(HostView host) {
    EngineEndpoint endpoint = hosts.endpointOf(host.id());
    List<ContainerInfo> ours = engines.containers(endpoint, installation.label());
    List<VolumeInfo> volumes = engines.labelledVolumes(endpoint, installation.label());
    Map<String, Instant> seenSince = seen(host.id(), volumes);
    Set<UUID> ids = new HashSet<>();
    ours.forEach(c -> ids.add(ClusterCensus.workspaceOf(c.labels())));
    volumes.forEach(v -> ids.add(ClusterCensus.workspaceOf(v.labels())));
    ids.remove(null);
    if (ids.isEmpty()) {
      return;
    }
    Map<UUID, WorkspaceStatus> known = moves.statuses(ids);
    List<ContainerInfo> orphans =
        ClusterCensus.orphanContainers(ours, known, clock.instant(), properties.orphanMinAge());
    List<ContainerInfo> remaining = new ArrayList<>(ours);
    for (ContainerInfo c : orphans) {
      UUID id = ClusterCensus.workspaceOf(c.labels());
      engines.removeContainer(endpoint, c.id());
      remaining.remove(c);
      moves.orphanRemoved(host.name(), "container", c.name(), id, known.get(id));
      metrics.orphanRemoved("container");
      log.warn("Removed orphan container {} of gone workspace {} on {}", c.name(), id, host.name());
    }
    for (VolumeInfo v :
        ClusterCensus.orphanVolumes(
            volumes, remaining, known, seenSince, clock.instant(), properties.orphanMinAge())) {
      UUID id = ClusterCensus.workspaceOf(v.labels());
      try {
        engines.removeVolume(endpoint, v.name());
      } catch (ComputeException e) {
        log.info("Orphan volume {} on {} not removed: {}", v.name(), host.name(), e.getMessage());
        continue;
      }
      moves.orphanRemoved(host.name(), "volume", v.name(), id, known.get(id));
      metrics.orphanRemoved("volume");
      log.warn("Removed orphan volume {} of gone workspace {} on {}", v.name(), id, host.name());
    }
  }

  /** Since when each of the host's volumes has been seen; forgets those that are gone. */
  private Map<String, Instant> seen(UUID hostId, List<VolumeInfo> volumes) {
    Map<String, Instant> seen = volumesSeen.computeIfAbsent(hostId, h -> new ConcurrentHashMap<>());
    Set<String> names = volumes.stream().map(VolumeInfo::name).collect(Collectors.toSet());
    seen.keySet().retainAll(names);
    Instant now = clock.instant();
    names.forEach(n -> seen.putIfAbsent(n, now));
    return seen;
  }
}
