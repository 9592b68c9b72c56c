package org.workspaceportal.dockerruntime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.NetworkInfo;
import org.workspaceportal.compute.VolumeInfo;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.workspace.runtime.Leftover;

/**
 * Removes, host by host, the containers and volumes this portal made (its installation label) for
 * clusters that are gone, or that no longer have a place on that host (a workspace moved off it
 * while it did not answer finds its old containers there, with their old secrets, when it answers
 * again). Only this installation's: another portal sharing a host, or another test run against the
 * same engine, keeps its own.
 */
@Component
class OrphanSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

  private final HostService hosts;
  private final CapacityService capacity;
  private final ContainerEngine engines;
  private final Installation installation;
  private final Clock clock;

  /** When each host's volumes were first seen, by host and name: their age. */
  private final Map<UUID, Map<String, Instant>> volumesSeen = new ConcurrentHashMap<>();

  /** When each host's networks were first seen, by host and name: their age. */
  private final Map<UUID, Map<String, Instant>> networksSeen = new ConcurrentHashMap<>();

  OrphanSweep(
      HostService hosts,
      CapacityService capacity,
      ContainerEngine engines,
      Installation installation,
      Clock clock) {
    this.hosts = hosts;
    this.capacity = capacity;
    this.engines = engines;
    this.installation = installation;
    this.clock = clock;
  }

  List<Leftover> sweep(Function<Set<UUID>, Set<UUID>> gone, Duration minAge) {
    List<Leftover> removed = new ArrayList<>();
    for (HostView host : hosts.list()) {
      if (host.status() != HostStatus.UP) {
        continue;
      }
      try {
        sweep(host, gone, minAge, removed);
      } catch (ComputeException e) {
        log.info("Orphans on host {} not checked this pass: {}", host.name(), e.getMessage());
      }
    }
    return removed;
  }

  private void sweep(
      HostView host,
      Function<Set<UUID>, Set<UUID>> goneOf,
      Duration minAge,
      List<Leftover> removed) {
    EngineEndpoint endpoint = hosts.endpointOf(host.id());
    List<ContainerInfo> ours = engines.containers(endpoint, installation.label());
    List<VolumeInfo> volumes = engines.labelledVolumes(endpoint, installation.label());
    List<NetworkInfo> networks = engines.labelledNetworks(endpoint, installation.label());
    Map<String, Instant> seenSince =
        seen(volumesSeen, host.id(), volumes.stream().map(VolumeInfo::name).toList());
    Map<String, Instant> networkSeenSince =
        seen(networksSeen, host.id(), networks.stream().map(NetworkInfo::name).toList());
    Set<UUID> ids = new HashSet<>();
    ours.forEach(c -> ids.add(ClusterCensusRules.clusterOf(c.labels())));
    volumes.forEach(v -> ids.add(ClusterCensusRules.clusterOf(v.labels())));
    networks.forEach(n -> ids.add(ClusterCensusRules.clusterOf(n.labels())));
    ids.remove(null);
    // ports and subnets that clusters let go of while this host did not answer are leased again
    // once nothing of those clusters is here (what this pass removes counts at the next one)
    try {
      Set<UUID> freed = capacity.releaseLeftBehind(host.id(), ids);
      if (!freed.isEmpty()) {
        log.info(
            "Ports and subnets left on host {} by clusters {} are free again", host.name(), freed);
      }
    } catch (DataAccessException e) {
      // another instance's sweep freed them meanwhile; this pass goes on with the host's things
      log.info("Ports left on host {} not freed this pass: {}", host.name(), e.getMessage());
    }
    if (ids.isEmpty()) {
      return;
    }
    // the places are read after the things: see ClusterCensusRules.unwanted
    Set<UUID> gone = goneOf.apply(ids);
    Set<UUID> unwanted = ClusterCensusRules.unwanted(ids, gone, capacity.holdersOn(host.id()));
    Instant now = clock.instant();
    List<ContainerInfo> remaining = new ArrayList<>(ours);
    // containers go by id: one made after the listing is never taken for an old one
    for (ContainerInfo c : ClusterCensusRules.orphanContainers(ours, unwanted, now, minAge)) {
      engines.removeContainer(endpoint, c.id());
      remaining.remove(c);
      removed.add(
          new Leftover(
              host.name(), "container", c.name(), ClusterCensusRules.clusterOf(c.labels())));
    }
    // volumes and networks go by name, and a cluster placed here again meanwhile (a move back to
    // this host) makes new ones of the same names: its places are read again first (a place is
    // recorded steps before anything is made)
    unwanted = ClusterCensusRules.unwanted(ids, gone, capacity.holdersOn(host.id()));
    for (VolumeInfo v :
        ClusterCensusRules.orphanVolumes(volumes, remaining, unwanted, seenSince, now, minAge)) {
      try {
        engines.removeVolume(endpoint, v.name());
      } catch (ComputeException e) {
        log.info("Orphan volume {} on {} not removed: {}", v.name(), host.name(), e.getMessage());
        continue;
      }
      removed.add(
          new Leftover(host.name(), "volume", v.name(), ClusterCensusRules.clusterOf(v.labels())));
    }
    for (NetworkInfo n :
        ClusterCensusRules.orphanNetworks(
            networks, remaining, unwanted, networkSeenSince, now, minAge)) {
      try {
        engines.removeNetwork(endpoint, n.name());
      } catch (ComputeException e) {
        log.info("Orphan network {} on {} not removed: {}", n.name(), host.name(), e.getMessage());
        continue;
      }
      removed.add(
          new Leftover(host.name(), "network", n.name(), ClusterCensusRules.clusterOf(n.labels())));
    }
  }

  /** Since when each of these names on the host has been seen; forgets those that are gone. */
  private Map<String, Instant> seen(
      Map<UUID, Map<String, Instant>> byHost, UUID hostId, List<String> present) {
    Map<String, Instant> seen = byHost.computeIfAbsent(hostId, h -> new ConcurrentHashMap<>());
    Set<String> names = Set.copyOf(present);
    seen.keySet().retainAll(names);
    Instant now = clock.instant();
    names.forEach(n -> seen.putIfAbsent(n, now));
    return seen;
  }
}
