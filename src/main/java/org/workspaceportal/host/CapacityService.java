package org.workspaceportal.host;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Room on the hosts: places a workspace's containers (cores, memory and ports leased in PostgreSQL,
 * serialized across portal instances), says whether a workspace could ever fit, and releases what a
 * deleted workspace held.
 */
@Service
public class CapacityService {

  /** Each cluster's network is a /24: room for its master, notebook and up to 244 workers. */
  static final int SUBNET_PREFIX = 24;

  private final DockerHostRepository hosts;
  private final HostHealthRepository health;
  private final HostLeaseRepository leases;
  private final HostPortRepository ports;
  private final HostSubnetRepository subnets;
  private final HostLeftBehindRepository leftBehind;
  private final HostSpareRepository spares;
  private final HostProperties properties;
  private final Clock clock;
  private final FreeRoom freeRoom;

  /**
   * Subnets an engine refused because a network it has (not this portal's: an earlier
   * installation's, another portal's, an admin's) overlaps them, by host: never leased there again
   * by this instance. Learned at the first refusal; forgotten at a restart, learned again then.
   */
  private final Map<UUID, Set<String>> inUseElsewhere = new ConcurrentHashMap<>();

  CapacityService(
      DockerHostRepository hosts,
      HostHealthRepository health,
      HostLeaseRepository leases,
      HostPortRepository ports,
      HostSubnetRepository subnets,
      HostLeftBehindRepository leftBehind,
      HostSpareRepository spares,
      HostProperties properties,
      Clock clock,
      FreeRoom freeRoom) {
    this.freeRoom = freeRoom;
    this.hosts = hosts;
    this.health = health;
    this.leases = leases;
    this.ports = ports;
    this.subnets = subnets;
    this.leftBehind = leftBehind;
    this.spares = spares;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Places every demand on one UP, undrained host with room for all of them, and leases the cores,
   * memory and published ports, and a subnet for the cluster's own network there. Idempotent: roles
   * placed before keep their placements, and only the demands of roles not yet placed (a grown
   * cluster's new workers) are placed now, on the host the cluster runs on. Throws {@link
   * NoCapacityException} (with {@link NoCapacityException#never()} false) when there is no room
   * now.
   */
  @Transactional
  public List<Placement> place(UUID workspaceId, List<Demand> wanted) {
    return place(workspaceId, wanted, false, null);
  }

  /**
   * Places a warm-pool cluster like a workspace's: it counts against the hosts' capacity (and the
   * hosts page shows it apart), against nobody's quota.
   */
  @Transactional
  public List<Placement> placePoolCluster(UUID poolClusterId, List<Demand> wanted) {
    return place(poolClusterId, wanted, true, null);
  }

  /**
   * A warm-pool cluster now serves a workspace: what it holds (cores, memory, ports, under the same
   * holder id) counts as a workspace's from now on. In the caller's transaction; it takes no
   * placement lock, since what the hosts hold does not change, so claims never wait for each other.
   */
  @Transactional
  public int unpool(UUID holderId) {
    return leases.unpool(holderId);
  }

  /**
   * @param pin the host to place on when the holder has no place yet (an adopted spare's), or null
   *     for the one with the most room
   */
  private List<Placement> place(UUID workspaceId, List<Demand> wanted, boolean pooled, UUID pin) {
    leases.lockPlacements();
    List<Placement> before = placementsOf(workspaceId);
    Set<String> placed = before.stream().map(Placement::role).collect(Collectors.toSet());
    List<Demand> demands = wanted.stream().filter(d -> !placed.contains(d.role())).toList();
    if (demands.isEmpty()) {
      return before;
    }
    UUID pinned = before.isEmpty() ? pin : before.getFirst().hostId();
    Map<UUID, DockerHost> byId =
        hosts.findAll().stream().collect(Collectors.toMap(DockerHost::id, Function.identity()));
    DockerHost host = byId.get(Placements.assign(demands, freeRoom.free(), pinned, false));
    leaseSubnet(host, workspaceId);
    Map<String, Integer> portsWanted = new LinkedHashMap<>();
    demands.forEach(d -> portsWanted.put(d.role(), d.ports()));
    leasePorts(host, workspaceId, portsWanted);
    for (Demand d : demands) {
      leases.save(
          new HostLease(
              host.id(), workspaceId, d.role(), d.cpus(), d.memoryMb(), pooled, clock.instant()));
    }
    return placementsOf(workspaceId);
  }

  /**
   * Leases each role the ports it wants on the host, less those the holder holds for it already (an
   * adopted spare's master holds its ports).
   */
  private void leasePorts(DockerHost host, UUID holderId, Map<String, Integer> wanted) {
    Map<String, Long> held =
        ports.findByWorkspaceIdOrderByPortAsc(holderId).stream()
            .collect(Collectors.groupingBy(HostPort::role, Collectors.counting()));
    Map<String, Integer> missing = new LinkedHashMap<>();
    wanted.forEach(
        (role, n) -> missing.put(role, Math.max(0, n - held.getOrDefault(role, 0L).intValue())));
    int wantedPorts = missing.values().stream().mapToInt(Integer::intValue).sum();
    if (wantedPorts == 0) {
      return;
    }
    // where in the host's range this cluster starts looking: spread over the range, so that ports
    // a process outside the portal holds there (or a second portal sharing the host) are hit
    // rarely, and a port given back is not handed out again at once
    double start = java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    List<Integer> free =
        ports.freePorts(
            host.address(),
            host.portRangeStart(),
            host.portRangeEnd(),
            host.portRangeStart()
                + (int) (start * (host.portRangeEnd() - host.portRangeStart() + 1)),
            wantedPorts);
    if (free.size() < wantedPorts) {
      throw new NoCapacityException(
          "No free ports left on host '"
              + host.name()
              + "' (range "
              + host.portRangeStart()
              + "-"
              + host.portRangeEnd()
              + ").",
          false);
    }
    int next = 0;
    for (Map.Entry<String, Integer> role : missing.entrySet()) {
      for (int i = 0; i < role.getValue(); i++) {
        ports.save(
            new HostPort(host.address(), free.get(next++), host.id(), holderId, role.getKey()));
      }
    }
    ports.flush();
  }

  /**
   * A spare pod's hold on a host: its id (which the cluster that adopts it carries), where its pod
   * is (the master's place: its ports and its network's subnet, no cores or memory), the image its
   * pod runs, and whether its pod was made (only then may a cluster adopt it).
   */
  public record Spare(
      UUID id, Placement placement, String image, Instant createdAt, boolean ready) {}

  /**
   * Holds a subnet and {@code ports} ports (for {@code role}) on an UP, undrained host for a new
   * spare pod; no cores or memory (an idle pod uses next to none, and a spare must never keep a
   * workspace waiting for room). Throws {@link NoCapacityException} when the host takes no
   * workspaces now or has no free port or subnet left.
   */
  @Transactional
  public Spare holdSpare(UUID hostId, String role, int portCount, String image) {
    leases.lockPlacements();
    if (freeRoom.free().stream().noneMatch(r -> r.hostId().equals(hostId))) {
      throw new NoCapacityException("host " + hostId + " is not up and undrained", false);
    }
    DockerHost host = hosts.findById(hostId).orElseThrow();
    UUID id = UUID.randomUUID();
    leaseSubnet(host, id);
    leasePorts(host, id, Map.of(role, portCount));
    HostSpare spare = spares.save(new HostSpare(id, hostId, image, clock.instant()));
    return spare(spare, role);
  }

  /** Every spare pod's hold, oldest first. */
  @Transactional(readOnly = true)
  public List<Spare> spares(String role) {
    return spares.findAllByOrderByCreatedAtAsc().stream().map(s -> spare(s, role)).toList();
  }

  private Spare spare(HostSpare s, String role) {
    DockerHost h = hosts.findById(s.hostId()).orElseThrow();
    String subnet =
        subnets
            .findById(new HostSubnet.Key(s.hostId(), s.holderId()))
            .map(HostSubnet::subnet)
            .orElse(null);
    List<Integer> held =
        ports.findByWorkspaceIdOrderByPortAsc(s.holderId()).stream().map(HostPort::port).toList();
    return new Spare(
        s.holderId(),
        new Placement(role, h.id(), h.name(), h.address(), held, 0, 0, subnet),
        s.image(),
        s.createdAt(),
        s.madeAt() != null);
  }

  /** The spare's pod runs: from now on a new cluster may adopt it. False when it is gone. */
  @Transactional
  public boolean spareMade(UUID id) {
    return spares
        .findById(id)
        .map(
            s -> {
              s.made(clock.instant());
              return true;
            })
        .orElse(false);
  }

  /**
   * A new cluster takes a spare pod: when the host a placement would choose for {@code wanted} (the
   * one with the most room) holds a spare, the cluster is placed there under the spare's id, which
   * it then carries, with the spare's subnet and ports (the spare is no more). Empty, with nothing
   * changed, when there is no room now or no spare on that host: the cluster is then placed as
   * usual. In the caller's transaction, which records the cluster under the returned id.
   */
  @Transactional
  public Optional<UUID> adoptSpare(List<Demand> wanted) {
    leases.lockPlacements();
    if (spares.count() == 0) {
      return Optional.empty();
    }
    UUID best;
    try {
      best = Placements.assign(wanted, freeRoom.free(), null, false);
    } catch (NoCapacityException e) {
      return Optional.empty();
    }
    // only one whose pod runs: a pod still being made would be made again by the launch
    Optional<HostSpare> ready =
        spares.findByHostIdOrderByCreatedAtAsc(best).stream()
            .filter(s -> s.madeAt() != null)
            .findFirst();
    if (ready.isEmpty()) {
      return Optional.empty();
    }
    HostSpare spare = ready.get();
    spares.delete(spare);
    place(spare.holderId(), wanted, false, best);
    return Optional.of(spare.holderId());
  }

  /**
   * Gives a spare pod's hold back (its host drained, down or unfit; its pod gone; too many spares):
   * its ports and subnet stay leased, left behind under a holder of their own, until its pod and
   * network are seen gone from the host (the caller's removal, {@link #releaseLeftBehindOnCleared},
   * or the sweep's, {@link #releaseLeftBehind}): a removal that fails never hands a still-published
   * port or a subnet whose network still exists to a new cluster. False when it is no spare
   * (adopted meanwhile).
   */
  @Transactional
  public boolean dropSpare(UUID id) {
    leases.lockPlacements();
    HostSpare spare = spares.findById(id).orElse(null);
    if (spare == null) {
      return false;
    }
    spares.delete(spare);
    leaveBehind(id, spare.hostId());
    release(id);
    return true;
  }

  /** How many spare pods whose pod runs each host holds, by host (hosts without any are absent). */
  @Transactional(readOnly = true)
  Map<UUID, Integer> sparesByHost() {
    Map<UUID, Integer> count = new HashMap<>();
    spares.findAll().stream()
        .filter(s -> s.madeAt() != null)
        .forEach(s -> count.merge(s.hostId(), 1, Integer::sum));
    return count;
  }

  /** The ids of every spare pod's hold (its pod and network are not orphans). */
  @Transactional(readOnly = true)
  public Set<UUID> spareIds() {
    return spares.findAll().stream().map(HostSpare::holderId).collect(Collectors.toSet());
  }

  /** The subnet of the holder's own network on the host: the one it has, else the first free. */
  private void leaseSubnet(DockerHost host, UUID holderId) {
    if (subnets.existsById(new HostSubnet.Key(host.id(), holderId))) {
      return;
    }
    Set<String> taken =
        subnets.findByHostId(host.id()).stream()
            .map(HostSubnet::subnet)
            .collect(Collectors.toCollection(HashSet::new));
    taken.addAll(inUseElsewhere.getOrDefault(host.id(), Set.of()));
    String subnet = Subnets.firstFree(properties.networkPool(), SUBNET_PREFIX, taken);
    if (subnet == null) {
      throw new NoCapacityException(
          "Every subnet of the network pool "
              + properties.networkPool()
              + " is in use on host '"
              + host.name()
              + "'.",
          false);
    }
    subnets.save(new HostSubnet(host.id(), holderId, subnet, clock.instant()));
  }

  /**
   * The engine on the host refused {@code subnet} for the holder's network (a network the portal
   * did not make overlaps it): it is never leased there again by this instance, and the holder's
   * network there gets the first other free subnet, which its next attempt uses. Returns that
   * subnet (the holder's current one when it no longer holds {@code subnet}).
   */
  @Transactional
  public String subnetInUse(UUID hostId, UUID holderId, String subnet) {
    leases.lockPlacements();
    inUseElsewhere.computeIfAbsent(hostId, h -> ConcurrentHashMap.newKeySet()).add(subnet);
    HostSubnet.Key key = new HostSubnet.Key(hostId, holderId);
    HostSubnet held = subnets.findById(key).orElse(null);
    if (held != null && held.subnet().equals(subnet)) {
      subnets.delete(held);
      subnets.flush();
      leaseSubnet(hosts.findById(hostId).orElseThrow(), holderId);
    }
    return subnets.findById(key).map(HostSubnet::subnet).orElse(null);
  }

  /**
   * Throws {@link NoCapacityException} (never() true) when the demands could not fit even if every
   * undrained host were up and empty: such a request is refused instead of left waiting.
   */
  @Transactional(readOnly = true)
  public void requireCanEverFit(List<Demand> demands) {
    Map<UUID, HostHealth> seen =
        health.findAll().stream()
            .collect(Collectors.toMap(HostHealth::hostId, Function.identity()));
    List<Placements.Room> rooms =
        hosts.findAll().stream()
            .filter(h -> !h.drained())
            .map(
                h -> {
                  HostHealth s = seen.getOrDefault(h.id(), new HostHealth(h.id()));
                  return new Placements.Room(
                      h.id(), h.name(), s.offeredCpus(h.cpus()), s.offeredMemoryMb(h.memoryMb()));
                })
            .toList();
    Placements.assign(demands, sorted(rooms), null, true);
  }

  /** Where a workspace's containers were placed, in the order they were placed. */
  @Transactional(readOnly = true)
  public List<Placement> placementsOf(UUID workspaceId) {
    List<HostLease> held = leases.findByWorkspaceIdOrderByIdAsc(workspaceId);
    if (held.isEmpty()) {
      return List.of();
    }
    Map<String, List<Integer>> portsByRole = new LinkedHashMap<>();
    for (HostPort p : ports.findByWorkspaceIdOrderByPortAsc(workspaceId)) {
      portsByRole.computeIfAbsent(p.role(), r -> new ArrayList<>()).add(p.port());
    }
    Map<UUID, DockerHost> byId =
        hosts.findAllById(held.stream().map(HostLease::hostId).toList()).stream()
            .collect(Collectors.toMap(DockerHost::id, Function.identity()));
    Map<UUID, String> subnetByHost =
        subnets.findByHolderId(workspaceId).stream()
            .collect(Collectors.toMap(HostSubnet::hostId, HostSubnet::subnet));
    return held.stream()
        .map(
            l -> {
              DockerHost h = byId.get(l.hostId());
              return new Placement(
                  l.role(),
                  h.id(),
                  h.name(),
                  h.address(),
                  List.copyOf(portsByRole.getOrDefault(l.role(), List.of())),
                  l.cpus(),
                  l.memoryMb(),
                  subnetByHost.get(h.id()));
            })
        .toList();
  }

  /**
   * The holders (workspaces' clusters, warm-pool clusters) that hold something on this host now: a
   * lease of cores and memory, or the subnet of their network there.
   */
  @Transactional(readOnly = true)
  public Set<UUID> holdersOn(UUID hostId) {
    Set<UUID> holders = new HashSet<>(leases.holdersOn(hostId));
    subnets.findByHostId(hostId).forEach(s -> holders.add(s.holderId()));
    return holders;
  }

  /** Gives back the cores, memory and ports one role of the workspace held (a removed worker). */
  @Transactional
  public void release(UUID workspaceId, String role) {
    ports.deleteByWorkspaceIdAndRole(workspaceId, role);
    leases.deleteByWorkspaceIdAndRole(workspaceId, role);
  }

  /**
   * Gives back every core, MB, port and subnet the workspace held; nothing held is not an error. On
   * a host that does not answer now (a move off a lost host, a warm-pool cluster removed while its
   * host is down) the cluster's containers may still run and hold their published ports and their
   * network, and will when the host answers again: there its ports and subnet are {@linkplain
   * HostLeftBehind left behind}, leased under a holder of their own until the sweep finds nothing
   * of the cluster on that host ({@link #releaseLeftBehind}) or a removal of the cluster clears it
   * there ({@link #releaseLeftBehindOnCleared}). Its cores and memory are given back at once.
   */
  @Transactional
  public void release(UUID workspaceId) {
    Set<UUID> on = new HashSet<>(ports.hostsOf(workspaceId));
    subnets.findByHolderId(workspaceId).forEach(s -> on.add(s.hostId()));
    for (UUID hostId : on) {
      HostStatus status = health.findById(hostId).map(HostHealth::status).orElse(null);
      if (status != HostStatus.UP) {
        leaveBehind(workspaceId, hostId);
      }
    }
    ports.deleteByWorkspaceId(workspaceId);
    leases.deleteByWorkspaceId(workspaceId);
    subnets.deleteByHolderId(workspaceId);
  }

  /** The cluster's ports and subnet on the host, leased under a left-behind holder of their own. */
  private void leaveBehind(UUID clusterId, UUID hostId) {
    UUID holder = UUID.randomUUID();
    ports.handOver(clusterId, hostId, holder);
    subnets.handOver(clusterId, hostId, holder);
    leftBehind.save(new HostLeftBehind(holder, hostId, clusterId, clock.instant()));
  }

  /**
   * Gives back what clusters left behind on this host (see {@link #release(UUID)}) once the host
   * shows nothing of them: {@code present} are the clusters of which the host holds a container, a
   * volume or a network now. Returns the clusters released.
   */
  @Transactional
  public Set<UUID> releaseLeftBehind(UUID hostId, Set<UUID> present) {
    Set<UUID> released = new HashSet<>();
    for (HostLeftBehind left : leftBehind.findByHostId(hostId)) {
      if (!present.contains(left.clusterId())) {
        free(left);
        released.add(left.clusterId());
      }
    }
    return released;
  }

  /**
   * Gives back what the cluster left behind on hosts that, as the caller just saw, hold nothing of
   * it (its old run there removed: a cluster placed again on a host that came back clears it
   * first).
   */
  @Transactional
  public void releaseLeftBehindOnCleared(UUID clusterId, Collection<UUID> clearedHosts) {
    for (HostLeftBehind left : leftBehind.findByClusterId(clusterId)) {
      if (clearedHosts.contains(left.hostId())) {
        free(left);
      }
    }
  }

  /**
   * Forgets what clusters left behind on a host that is being removed (its ports with it), and the
   * spare pods held there (a spare on a host removed without being drained first stays on that
   * engine, which the portal no longer manages: an idle pod and its network, holding nothing of any
   * workspace).
   */
  @Transactional
  public void forgetLeftBehind(UUID hostId) {
    leases.lockPlacements(); // no spare is held there meanwhile
    leftBehind.findByHostId(hostId).forEach(this::free);
    for (HostSpare s : spares.findByHostIdOrderByCreatedAtAsc(hostId)) {
      ports.deleteByWorkspaceId(s.holderId());
      subnets.deleteByHolderId(s.holderId());
      spares.delete(s);
    }
  }

  private void free(HostLeftBehind left) {
    ports.deleteByWorkspaceId(left.holderId());
    subnets.deleteByHolderId(left.holderId());
    leftBehind.delete(left);
  }

  private static List<Placements.Room> sorted(List<Placements.Room> rooms) {
    return rooms.stream().sorted(Comparator.comparing(Placements.Room::name)).toList();
  }
}
