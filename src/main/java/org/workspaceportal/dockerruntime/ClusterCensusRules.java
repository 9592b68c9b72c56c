package org.workspaceportal.dockerruntime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.NetworkInfo;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeInfo;
import org.workspaceportal.workspace.runtime.Census;

/**
 * What the engines report, compared with what should be: which of a cluster's roles do not run, and
 * which of this portal's containers and volumes are orphans (made for a cluster that is gone, or
 * left on a host where its cluster no longer has a place, and old enough that no step can be about
 * to record them). Pure functions, so the rules are tested without an engine.
 */
final class ClusterCensusRules {

  private ClusterCensusRules() {}

  /** A role that should run: where it was placed (null: nowhere yet) and its container's name. */
  record Expected(String role, UUID hostId, String hostName, String containerName) {}

  /**
   * The roles that do not run: no container of their name on their host (vanished), or one that is
   * not running (in the engine's word for its state), or one whose pod is gone, or never placed.
   *
   * @param found the cluster's labelled containers on each of its hosts
   */
  static List<Census.Absent> absent(List<Expected> expected, Map<UUID, List<ContainerInfo>> found) {
    List<Census.Absent> absent = new ArrayList<>();
    for (Expected e : expected) {
      if (e.hostId() == null) {
        absent.add(new Census.Absent(e.role(), e.hostName(), "not placed"));
        continue;
      }
      ContainerInfo c =
          found.getOrDefault(e.hostId(), List.of()).stream()
              .filter(info -> e.containerName().equals(info.name()))
              .findFirst()
              .orElse(null);
      if (c == null) {
        absent.add(new Census.Absent(e.role(), e.hostName(), Census.VANISHED));
      } else if (!c.running()) {
        absent.add(new Census.Absent(e.role(), e.hostName(), c.state()));
      } else if (lostItsPod(c, found.get(e.hostId()))) {
        absent.add(new Census.Absent(e.role(), e.hostName(), WITHOUT_ITS_POD));
      }
    }
    return absent;
  }

  /** Why a role that runs counts as absent when the pod it joined does not run. */
  static final String WITHOUT_ITS_POD = "running without its network (its pod is gone)";

  /**
   * Whether a container joined a pod that no longer runs on its host: its network went with that
   * pod. One made before pods (no pod label) has a network of its own.
   */
  private static boolean lostItsPod(ContainerInfo c, List<ContainerInfo> onItsHost) {
    String pod = c.labels().get(SparkContainers.POD_LABEL);
    return pod != null && onItsHost.stream().noneMatch(p -> pod.equals(p.id()) && p.running());
  }

  /**
   * The clusters whose containers, volumes and networks found on a host are not wanted there: the
   * gone ones, and the live ones that hold no place on that host (moved to other hosts, or stopped,
   * while it did not answer). A step records a cluster's place on a host before it makes anything
   * there, so the caller reads the host's things first and the places after: anything found then
   * had its place recorded already, unless the place was given back since (and then it is not
   * wanted). The age rules ({@link #orphanContainers} and the others) still apply to each thing.
   *
   * @param found the clusters of the things found on the host
   * @param gone those of them that are gone
   * @param placedHere the clusters that hold a place on the host, read after {@code found}
   */
  static Set<UUID> unwanted(Set<UUID> found, Set<UUID> gone, Set<UUID> placedHere) {
    Set<UUID> unwanted = new HashSet<>(gone);
    found.stream().filter(id -> !placedHere.contains(id)).forEach(unwanted::add);
    return unwanted;
  }

  /** A container without a readable cluster label or creation time is left alone. */
  static List<ContainerInfo> orphanContainers(
      List<ContainerInfo> ours, Set<UUID> gone, Instant now, Duration minAge) {
    return ours.stream()
        .filter(c -> c.created() != null && !c.created().plus(minAge).isAfter(now))
        .filter(
            c -> {
              UUID id = clusterOf(c.labels());
              return id != null && gone.contains(id);
            })
        .toList();
  }

  /**
   * Volumes of gone clusters, known for long enough (a step makes a volume just before the
   * container that mounts it; the engine's volume list gives no creation time, so the caller says
   * since when it has seen each), which no remaining container of that cluster (one too young to
   * remove yet) still uses.
   *
   * @param seenSince when the caller first saw each volume, by name
   */
  static List<VolumeInfo> orphanVolumes(
      List<VolumeInfo> ours,
      List<ContainerInfo> remaining,
      Set<UUID> gone,
      Map<String, Instant> seenSince,
      Instant now,
      Duration minAge) {
    Set<UUID> stillUsed = new HashSet<>();
    remaining.forEach(c -> stillUsed.add(clusterOf(c.labels())));
    return ours.stream()
        .filter(
            v -> {
              Instant seen = seenSince.get(v.name());
              return seen != null && !seen.plus(minAge).isAfter(now);
            })
        .filter(
            v -> {
              UUID id = clusterOf(v.labels());
              return id != null && !stillUsed.contains(id) && gone.contains(id);
            })
        .toList();
  }

  /**
   * Networks of gone clusters, known for long enough (the engine's list gives no creation time, and
   * a network is made just before its cluster's containers), which no remaining container of that
   * cluster is still on.
   *
   * @param seenSince when the caller first saw each network, by name
   */
  static List<NetworkInfo> orphanNetworks(
      List<NetworkInfo> ours,
      List<ContainerInfo> remaining,
      Set<UUID> gone,
      Map<String, Instant> seenSince,
      Instant now,
      Duration minAge) {
    Set<UUID> stillUsed = new HashSet<>();
    remaining.forEach(c -> stillUsed.add(clusterOf(c.labels())));
    return ours.stream()
        .filter(
            n -> {
              Instant seen = seenSince.get(n.name());
              return seen != null && !seen.plus(minAge).isAfter(now);
            })
        .filter(
            n -> {
              UUID id = clusterOf(n.labels());
              return id != null && !stillUsed.contains(id) && gone.contains(id);
            })
        .toList();
  }

  /** The cluster a container or volume is labelled for; null without a valid label. */
  static UUID clusterOf(Map<String, String> labels) {
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
