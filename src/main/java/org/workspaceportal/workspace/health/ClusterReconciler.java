package org.workspaceportal.workspace.health;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.scheduling.RecurringTasks;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.health.ReconcilerMoves.Watched;
import org.workspaceportal.workspace.runtime.Census;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Leftover;

/**
 * Compares what runs with the records, as a recurring task (one instance at a time): a READY
 * workspace whose role died or vanished becomes DEGRADED and is repaired (a REPAIR operation,
 * durable like the others) a bounded number of times; one whose cluster runs where the runtime
 * cannot ask now becomes UNREACHABLE until it can; what the runtime made for clusters that are gone
 * is removed. A place that cannot be asked is never read as "everything is missing": that workspace
 * waits for the next pass.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterReconciler {

  private static final Logger log = LoggerFactory.getLogger(ClusterReconciler.class);

  private final ReconcilerMoves moves;
  private final ClusterRuntime runtime;
  private final ReconcilerMetrics metrics;
  private final ReconcilerProperties properties;

  /**
   * READY workspaces seen with something missing once, by when they last changed: one sighting may
   * be a stop or a step caught half-way, so a second pass must see the same before anything moves.
   */
  private final Map<UUID, Instant> suspected = new ConcurrentHashMap<>();

  /** How long a workspace must have stayed as it is before a page's check may degrade it. */
  static final java.time.Duration SETTLED = java.time.Duration.ofSeconds(5);

  ClusterReconciler(
      ReconcilerMoves moves,
      ClusterRuntime runtime,
      ReconcilerMetrics metrics,
      ReconcilerProperties properties) {
    this.moves = moves;
    this.runtime = runtime;
    this.metrics = metrics;
    this.properties = properties;
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

  /** One pass over every watched workspace, then the leftovers of gone clusters. */
  public void reconcile() {
    for (Watched w : moves.watched()) {
      try {
        check(w, runtime.census(w.clusterId(), w.roles()));
      } catch (ExternalSystemException e) {
        log.info("Workspace {} not checked this pass: {}", w.id(), e.getMessage());
      }
    }
    removeLeftovers();
  }

  /**
   * Checks one workspace now, because someone opened its page: the state of each of its containers
   * as the runtime sees it this moment (what the page's container table shows), and a READY
   * workspace with something missing becomes DEGRADED (and is repaired) at once rather than at the
   * next passes. Only a workspace unchanged for {@link #SETTLED} counts: one that has just moved
   * may be caught half-way through a step. Empty when it is not watched, or cannot be asked now.
   */
  public Optional<Map<String, String>> checkNow(UUID workspaceId) {
    Watched w = moves.watched(workspaceId).orElse(null);
    if (w == null) {
      return Optional.empty();
    }
    Census census;
    try {
      census = runtime.census(w.clusterId(), w.roles());
    } catch (ExternalSystemException e) {
      log.info("Workspace {} not checked for its page: {}", w.id(), e.getMessage());
      return Optional.empty();
    }
    Map<String, String> states = ClusterCensus.states(w.roles(), census);
    boolean settled = w.updatedAt().isBefore(Instant.now().minus(SETTLED));
    if (w.status() == WorkspaceStatus.READY
        && census.unreachable().isEmpty()
        && !census.absent().isEmpty()
        && settled
        && moves.degraded(w, census.absent())) {
      suspected.remove(w.id());
      log.warn(
          "Workspace {} is DEGRADED (seen as its page opened): {}",
          w.id(),
          ClusterCensus.reason(census.absent()));
      moves.repairAutomatically(w.id());
    }
    return Optional.of(states);
  }

  private void check(Watched w, Census census) {
    if (!census.unreachable().isEmpty()) {
      suspected.remove(w.id());
      if (w.status() != WorkspaceStatus.UNREACHABLE) {
        moves.move(
            w,
            WorkspaceStatus.UNREACHABLE,
            "Host "
                + String.join(", ", census.unreachable())
                + " does not answer, so its containers cannot be checked; the workspace comes back"
                + " by itself when the host answers again.");
      }
      return;
    }
    List<Census.Absent> absent = census.absent();
    switch (w.status()) {
      case READY -> {
        if (absent.isEmpty() || !confirmed(w)) {
          if (absent.isEmpty()) {
            suspected.remove(w.id());
          }
          return;
        }
        if (moves.degraded(w, absent)) {
          log.warn("Workspace {} is DEGRADED: {}", w.id(), ClusterCensus.reason(absent));
          moves.repairAutomatically(w.id());
        }
      }
      case UNREACHABLE -> {
        if (absent.isEmpty()) {
          moves.move(w, WorkspaceStatus.READY, "Every host answers again; every container runs.");
        } else if (moves.degraded(w, absent)) {
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

  private void removeLeftovers() {
    Map<UUID, WorkspaceStatus> known = new ConcurrentHashMap<>();
    List<Leftover> removed =
        runtime.removeLeftovers(
            ids -> {
              Map<UUID, WorkspaceStatus> statuses = moves.statuses(ids);
              known.putAll(statuses);
              Set<UUID> gone = new HashSet<>();
              ids.stream().filter(id -> ClusterCensus.gone(id, statuses)).forEach(gone::add);
              return gone;
            },
            properties.orphanMinAge());
    for (Leftover l : removed) {
      moves.orphanRemoved(
          l.location(), l.kind(), l.name(), l.clusterId(), known.get(l.clusterId()));
      metrics.orphanRemoved(l.kind());
      log.warn(
          "Removed orphan {} {} of cluster {} (gone, or no longer placed there) on {}",
          l.kind(),
          l.name(),
          l.clusterId(),
          l.location());
    }
  }
}
