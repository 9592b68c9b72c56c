package org.workspaceportal.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeInfo;

/**
 * What the reconciler makes of what the engines report, compared with what the portal recorded:
 * which recorded containers are missing, and which labelled containers and volumes belong to no
 * workspace. Pure functions, no I/O, so the rules are tested without an engine.
 */
final class ClusterCensus {

  private ClusterCensus() {}

  /** What {@link Missing#what()} says of a recorded container the engine does not have at all. */
  static final String VANISHED = "vanished";

  /** A container the portal recorded for a workspace: its role, where it runs, its name. */
  record Expected(String role, UUID hostId, String hostName, String containerName) {}

  /** A recorded container that does not run: vanished, or in the engine's state (exited…). */
  record Missing(String role, String hostName, String what) {

    @Override
    public String toString() {
      return role + " on " + hostName + " (" + what + ")";
    }
  }

  /**
   * The recorded containers that do not run.
   *
   * @param found the workspace's labelled containers on each of its hosts
   */
  static List<Missing> missing(List<Expected> expected, Map<UUID, List<ContainerInfo>> found) {
    List<Missing> missing = new ArrayList<>();
    for (Expected e : expected) {
      ContainerInfo c =
          found.getOrDefault(e.hostId(), List.of()).stream()
              .filter(info -> e.containerName().equals(info.name()))
              .findFirst()
              .orElse(null);
      if (c == null) {
        missing.add(new Missing(e.role(), e.hostName(), VANISHED));
      } else if (!c.running()) {
        missing.add(new Missing(e.role(), e.hostName(), c.state()));
      }
    }
    return missing;
  }

  /** The reason a DEGRADED workspace shows: what is missing, in words. */
  static String reason(List<Missing> missing) {
    return "Not running: "
        + missing.stream().map(Missing::toString).collect(Collectors.joining(", "))
        + ".";
  }

  /**
   * Whether the workspace a label names is gone for good: unknown to the portal (never recorded, or
   * its record removed) or DELETED. A workspace in any other status may own containers not yet
   * recorded (mid-provisioning), so it is never an orphan's owner.
   */
  static boolean gone(UUID workspaceId, Map<UUID, WorkspaceStatus> known) {
    WorkspaceStatus status = known.get(workspaceId);
    return status == null || status == WorkspaceStatus.DELETED;
  }

  /**
   * This portal's containers whose workspace is gone, and old enough that no step can be about to
   * record them. A container without a readable workspace label or creation time is left alone.
   */
  static List<ContainerInfo> orphanContainers(
      List<ContainerInfo> ours, Map<UUID, WorkspaceStatus> known, Instant now, Duration minAge) {
    return ours.stream()
        .filter(c -> c.created() != null && !c.created().plus(minAge).isAfter(now))
        .filter(
            c -> {
              UUID id = workspaceOf(c.labels());
              return id != null && gone(id, known);
            })
        .toList();
  }

  /**
   * This portal's volumes whose workspace is gone, known for long enough (a step makes a volume
   * just before the container that mounts it; the engine's volume list gives no creation time, so
   * the caller says since when it has seen each), and which no remaining container of that
   * workspace (one too young to remove yet) still uses.
   *
   * @param seenSince when the caller first saw each volume, by name
   */
  static List<VolumeInfo> orphanVolumes(
      List<VolumeInfo> ours,
      List<ContainerInfo> remaining,
      Map<UUID, WorkspaceStatus> known,
      Map<String, Instant> seenSince,
      Instant now,
      Duration minAge) {
    Set<UUID> stillUsed = new HashSet<>();
    remaining.forEach(c -> stillUsed.add(workspaceOf(c.labels())));
    return ours.stream()
        .filter(
            v -> {
              Instant seen = seenSince.get(v.name());
              return seen != null && !seen.plus(minAge).isAfter(now);
            })
        .filter(
            v -> {
              UUID id = workspaceOf(v.labels());
              return id != null && !stillUsed.contains(id) && gone(id, known);
            })
        .toList();
  }

  /** The workspace a container or volume is labelled for; null without a valid label. */
  static UUID workspaceOf(Map<String, String> labels) {
    String id = labels.get(SparkContainers.WORKSPACE_LABEL);
    if (id == null) {
      return null;
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
