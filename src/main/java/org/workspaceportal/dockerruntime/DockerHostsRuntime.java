package org.workspaceportal.dockerruntime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.ContainerSpec;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.NotebookActivity;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.SubnetInUseException;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.Demand;
import org.workspaceportal.host.FreeRoom;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.NoCapacityException;
import org.workspaceportal.host.Placement;
import org.workspaceportal.workspace.runtime.Activity;
import org.workspaceportal.workspace.runtime.Census;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Endpoints;
import org.workspaceportal.workspace.runtime.Exited;
import org.workspaceportal.workspace.runtime.Footprint;
import org.workspaceportal.workspace.runtime.Leftover;
import org.workspaceportal.workspace.runtime.Member;
import org.workspaceportal.workspace.runtime.NoRoomException;
import org.workspaceportal.workspace.runtime.NotebookFiles;
import org.workspaceportal.workspace.runtime.Preparation;
import org.workspaceportal.workspace.runtime.Role;

/**
 * Clusters as containers of the workspace image on the registered Docker hosts: each role is one
 * container (named and labelled by the cluster's id and the role), placed on a host with room
 * (leases in PostgreSQL, through {@code host}), reached on ports leased to it there. The only place
 * where a host's engine endpoint meets the container engine.
 *
 * <p>The runtime of the portal unless {@code portal.workspace.runtime} names another: a second way
 * of running clusters is one more {@link ClusterRuntime} bean with its own value of that setting.
 */
@Component
@ConditionalOnProperty(
    name = "portal.workspace.runtime",
    havingValue = "docker",
    matchIfMissing = true)
class DockerHostsRuntime implements ClusterRuntime {

  private static final int LOG_LINES = 15;
  private static final Duration AHEAD_WAIT = Duration.ofSeconds(30);

  /**
   * A spare whose pod was not recorded as made this long after its hold was taken was being made by
   * a portal that died: it is given back (and another made).
   */
  private static final Duration UNMADE_FOR = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(DockerHostsRuntime.class);

  private final CapacityService capacity;
  private final HostService hosts;
  private final ContainerEngine engines;
  private final ClusterContainers containers;
  private final ImagePreparation images;
  private final ClusterProbe probe;
  private final OrphanSweep orphans;

  private final FreeRoom freeRoom;
  private final NotebookFileCopies files;

  /** Pods being made ahead by this portal, by cluster id (see {@link #prepareAhead}). */
  private final Map<UUID, CompletableFuture<Void>> ahead = new ConcurrentHashMap<>();

  DockerHostsRuntime(
      CapacityService capacity,
      HostService hosts,
      ContainerEngine engines,
      ClusterContainers containers,
      ImagePreparation images,
      ClusterProbe probe,
      OrphanSweep orphans,
      FreeRoom freeRoom,
      NotebookFileCopies files) {
    this.freeRoom = freeRoom;
    this.files = files;
    this.capacity = capacity;
    this.hosts = hosts;
    this.engines = engines;
    this.containers = containers;
    this.images = images;
    this.probe = probe;
    this.orphans = orphans;
  }

  @Override
  public void reserve(ClusterSpec spec) {
    try {
      if (spec.warmPool()) {
        capacity.placePoolCluster(spec.id(), ClusterLayout.demands(spec.roles()));
      } else {
        capacity.place(spec.id(), ClusterLayout.demands(spec.roles()));
      }
    } catch (NoCapacityException e) {
      throw new NoRoomException(e.getMessage(), e.never());
    }
  }

  /**
   * The network, pod and volumes of a cluster with no container on its host yet, made on a virtual
   * thread: the engine sets up a pod's network namespace in about a quarter of a second, which the
   * storage steps of a new workspace now cover. A launch or a removal of the cluster in this portal
   * waits for it first ({@link #awaitAhead}): a launch that came while the pod was created but not
   * yet started would take it for a pod that stopped and make it anew (a quarter of a second lost),
   * a removal could miss it. Another portal instance does not wait, nor does a removal after {@link
   * #AHEAD_WAIT}; the calls are idempotent by name, and the sweep removes a pod and volumes whose
   * cluster is gone. While a pod is still being made for the cluster (a PLACE attempt that failed
   * after starting it, tried again) no second one is started.
   */
  @Override
  public void prepareAhead(ClusterSpec spec) {
    UUID id = spec.id();
    CompletableFuture<Void> making = ahead.get(id);
    if (making != null && !making.isDone()) {
      return;
    }
    CompletableFuture<Void> made =
        CompletableFuture.runAsync(
            () -> {
              try {
                Map<String, Placement> placed = placed(id);
                containers.podAhead(
                    placed.get(Role.MASTER),
                    ClusterLayout.placed(spec, placed),
                    spec.roles().stream().map(Role::name).toList());
              } catch (SubnetInUseException e) {
                anotherSubnet(id, placed(id).get(Role.MASTER), e); // the launch uses the new one
              } catch (RuntimeException e) {
                log.debug("Pod of cluster {} not made ahead: {}", id, e.getMessage());
              }
            },
            task -> Thread.ofVirtual().name("pod-ahead-" + id).start(task));
    ahead.put(id, made);
    made.whenComplete((done, failure) -> ahead.remove(id, made));
  }

  @Override
  public Optional<UUID> adoptSpare(List<Role> roles) {
    return capacity.adoptSpare(ClusterLayout.demands(roles));
  }

  /**
   * Spare pods: on each host that takes workspaces, a cluster's network and an idle pod (which
   * holds the network namespace and publishes the master's two leased ports) made before any
   * cluster needs them, so that a new workspace's notebook does not wait the quarter second an
   * engine takes to set a pod's namespace up ({@link #adoptSpare}). A hostile tenant gains nothing
   * from one: nothing listens in it (connections to its published ports are refused), no
   * workspace's container joins it before it is adopted, and it is adopted by exactly one cluster,
   * whose own network it then is; nothing in it knows any secret. Its hold is a subnet and two
   * ports, no cores or memory (it never keeps a workspace waiting for room).
   */
  @Override
  public int keepSpares(List<String> images, int perHost, boolean add) {
    Map<UUID, HostView> usable =
        hosts.list().stream()
            .filter(HostView::acceptsWorkspaces)
            .collect(Collectors.toMap(HostView::id, Function.identity()));
    Map<UUID, Integer> kept = new HashMap<>();
    List<CapacityService.Spare> spares = capacity.spares(Role.MASTER);
    Set<UUID> podsRunning = podsRunning(spares, usable.keySet());
    for (CapacityService.Spare s : spares) {
      UUID host = s.placement().hostId();
      if (!usable.containsKey(host) || !images.contains(s.image())) {
        dropSpare(s, "its host no longer takes workspaces or its image is no template's");
      } else if (s.ready() && !podsRunning.contains(s.id())) {
        dropSpare(s, "its pod no longer runs");
      } else if (!s.ready() && s.createdAt().isBefore(Instant.now().minus(UNMADE_FOR))) {
        dropSpare(s, "its pod was not made within " + UNMADE_FOR.toSeconds() + " s");
      } else if (kept.merge(host, 1, Integer::sum) > perHost) {
        dropSpare(s, "more than " + perHost + " spare pods on its host");
      }
    }
    for (HostView h : add ? usable.values() : List.<HostView>of()) {
      for (int n = kept.getOrDefault(h.id(), 0); n < perHost; n++) {
        if (!makeSpare(h, images)) {
          break;
        }
        kept.merge(h.id(), 1, Integer::sum);
      }
    }
    return kept.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * The spares whose pod runs, asked of each usable host that holds one (one listing per host); a
   * host that does not answer counts as running them all (its health check decides about it).
   */
  private Set<UUID> podsRunning(List<CapacityService.Spare> spares, Set<UUID> usable) {
    Set<UUID> running = new HashSet<>();
    Map<UUID, List<CapacityService.Spare>> byHost =
        spares.stream().collect(Collectors.groupingBy(s -> s.placement().hostId()));
    byHost.forEach(
        (host, there) -> {
          if (!usable.contains(host)) {
            return;
          }
          try {
            Map<String, String> pods = new HashMap<>(containers.ours());
            pods.put(SparkContainers.ROLE_LABEL, SparkContainers.POD_ROLE);
            engines.containers(hosts.endpointOf(host), pods).stream()
                .filter(ContainerInfo::running)
                .map(c -> ClusterCensusRules.clusterOf(c.labels()))
                .forEach(running::add);
          } catch (ComputeException e) {
            there.forEach(s -> running.add(s.id()));
          }
        });
    return running;
  }

  /** One new spare pod on the host; false when none could be made there now. */
  private boolean makeSpare(HostView host, List<String> images) {
    EngineEndpoint endpoint;
    String image;
    try {
      endpoint = hosts.endpointOf(host.id());
      image = images.stream().filter(i -> engines.hasImage(endpoint, i)).findFirst().orElse(null);
    } catch (ComputeException e) {
      log.debug("No spare pod on host {} this pass: {}", host.name(), e.getMessage());
      return false;
    }
    if (image == null) {
      return false; // no image is fetched for a spare: the first cluster placed there fetches it
    }
    CapacityService.Spare spare;
    try {
      spare = capacity.holdSpare(host.id(), Role.MASTER, ClusterLayout.MASTER_PORTS, image);
    } catch (NoCapacityException | DataAccessException e) {
      // no room for its subnet or ports; or the host was removed meanwhile
      log.debug("No spare pod on host {}: {}", host.name(), e.getMessage());
      return false;
    }
    try {
      containers.podAhead(
          spare.placement(), ClusterLayout.spare(spare.id(), image, spare.placement()), List.of());
      if (!capacity.spareMade(spare.id())) {
        // given back while it was made (its host drained, the portal told to keep none)
        removeAll(spare.id(), true);
        return false;
      }
      log.debug("Spare pod {} made on host {}", spare.id(), host.name());
      return true;
    } catch (RuntimeException e) {
      if (e instanceof SubnetInUseException inUse) {
        capacity.subnetInUse(host.id(), spare.id(), inUse.subnet()); // not leased there again
      }
      dropSpare(spare, "it could not be made: " + e.getMessage());
      return false;
    }
  }

  /**
   * The engine refused the cluster's subnet on its host (a network the portal did not make there
   * overlaps it: an earlier installation's, another portal's): the cluster gets another subnet,
   * which its next attempt uses; the refused one is not leased there again.
   */
  private ComputeException anotherSubnet(UUID clusterId, Placement master, SubnetInUseException e) {
    String next = capacity.subnetInUse(master.hostId(), clusterId, e.subnet());
    log.warn(
        "Cluster {}: {}; its network on {} gets {} instead",
        clusterId,
        e.getMessage(),
        master.hostName(),
        next);
    return new ComputeException(
        e.getMessage() + "; the cluster's network gets the subnet " + next + " instead", true, e);
  }

  /**
   * Gives a spare back, then removes its pod and network (a cluster adopting it meanwhile keeps
   * it); on a host that does not answer its ports stay left behind until the sweep sees it gone.
   */
  private void dropSpare(CapacityService.Spare spare, String why) {
    if (!capacity.dropSpare(spare.id())) {
      return;
    }
    log.info("Spare pod {} on host {} removed: {}", spare.id(), spare.placement().hostName(), why);
    try {
      removeAll(spare.id(), true);
    } catch (ComputeException e) {
      log.info("Spare pod {} left to the orphan sweep: {}", spare.id(), e.getMessage());
    }
  }

  /** Waits (a bounded while) for the pod this portal is making ahead for the cluster, if any. */
  private void awaitAhead(UUID clusterId) {
    CompletableFuture<Void> made = ahead.get(clusterId);
    if (made == null) {
      return;
    }
    try {
      made.get(AHEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      log.debug("Pod of cluster {} still being made ahead; going on", clusterId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void requireCanEverFit(List<Role> roles) {
    try {
      capacity.requireCanEverFit(ClusterLayout.demands(roles));
    } catch (NoCapacityException e) {
      throw new NoRoomException(e.getMessage(), true);
    }
  }

  @Override
  public Optional<String> shortageNow(List<Role> roles) {
    return freeRoom.shortageNow(ClusterLayout.demands(roles));
  }

  @Override
  public Footprint footprint(List<Role> roles) {
    List<Demand> demands = ClusterLayout.demands(roles);
    FreeRoom.Offered offered = freeRoom.offered();
    return new Footprint(
        demands.stream().mapToInt(Demand::cpus).sum(),
        demands.stream().mapToInt(Demand::memoryMb).sum(),
        offered.cpus(),
        offered.memoryMb());
  }

  @Override
  public void claimed(UUID clusterId) {
    capacity.unpool(clusterId);
  }

  @Override
  public void release(UUID clusterId, String role) {
    capacity.release(clusterId, role);
  }

  @Override
  public void release(UUID clusterId) {
    capacity.release(clusterId);
  }

  @Override
  public Preparation prepare(ClusterSpec spec) {
    return images.prepare(spec.image(), capacity.placementsOf(spec.id()));
  }

  @Override
  public List<Member> launch(ClusterSpec spec, Collection<String> roles) {
    awaitAhead(spec.id());
    Map<String, Placement> placed = placed(spec.id());
    SparkCluster cluster = ClusterLayout.placed(spec, placed);
    Set<String> launching = new LinkedHashSet<>(roles);
    List<String> all = spec.roles().stream().map(Role::name).toList();
    // the whole cluster runs on the master's host (one host per cluster: deploy/host-setup.md)
    String pod;
    try {
      pod = containers.pod(placed.get(Role.MASTER), cluster, all, launching::add);
    } catch (SubnetInUseException e) {
      throw anotherSubnet(spec.id(), placed.get(Role.MASTER), e);
    }
    Map<String, String> inPod = Map.of(SparkContainers.POD_LABEL, pod);
    List<ClusterContainers.Launch> launches = new ArrayList<>();
    for (String role : launching) {
      launches.add(
          new ClusterContainers.Launch(
              placed.get(role),
              containerSpec(cluster, role).withLabels(inPod),
              containers.volumesFor(cluster, role)));
    }
    List<Member> started = Collections.synchronizedList(new ArrayList<>());
    containers.startTogether(
        launches, (role, c) -> started.add(new Member(role, c.id(), c.state())));
    return List.copyOf(started);
  }

  @Override
  public List<Member> replace(ClusterSpec spec, Collection<String> roles) {
    Map<String, Placement> placed = placed(spec.id());
    for (String role : roles) {
      Placement p = placed.get(role);
      if (p != null) {
        // the container only: its volumes (the notebook's files) stay for the new one
        engines.removeContainer(
            hosts.endpointOf(p.hostId()), SparkContainers.name(spec.id(), role));
      }
    }
    return launch(spec, roles);
  }

  private static ContainerSpec containerSpec(SparkCluster cluster, String role) {
    if (role.equals(cluster.master().role())) {
      return SparkContainers.master(cluster);
    }
    if (cluster.notebook() != null && role.equals(cluster.notebook().role())) {
      return SparkContainers.notebook(cluster);
    }
    return cluster.workers().stream()
        .filter(w -> w.role().equals(role))
        .findFirst()
        .map(w -> SparkContainers.worker(cluster, w))
        .orElseThrow(
            () -> new IllegalArgumentException("cluster " + cluster.id() + " has no role " + role));
  }

  @Override
  public Readiness readiness(ClusterSpec spec) {
    Map<String, Placement> placed = placed(spec.id());
    String notebook = ClusterLayout.notebookUrl(placed);
    Placement master = placed.get(Role.MASTER);
    String masterUi = master == null ? null : ClusterLayout.masterUi(master);
    return new Readiness() {
      @Override
      public boolean notebookAnswers() {
        return notebook != null
            && spec.notebook() != null
            && probe.notebookAnswers(notebook, spec.notebook().jupyterToken());
      }

      @Override
      public int workersAlive() {
        return masterUi == null ? -1 : probe.aliveWorkers(masterUi, spec.sparkSecret());
      }
    };
  }

  @Override
  public List<Exited> exited(UUID clusterId) {
    Map<String, String> mine = SparkContainers.labelled(clusterId);
    List<Exited> exited = new ArrayList<>();
    for (Map.Entry<UUID, String> host : hostsOf(clusterId).entrySet()) {
      EngineEndpoint endpoint = hosts.endpointOf(host.getKey());
      for (ContainerInfo c : engines.containers(endpoint, mine)) {
        if ("exited".equals(c.state()) || "dead".equals(c.state())) {
          exited.add(
              new Exited(
                  c.labels().getOrDefault(SparkContainers.ROLE_LABEL, c.name()),
                  host.getValue(),
                  engines.logTail(endpoint, c.id(), LOG_LINES)));
        }
      }
    }
    return exited;
  }

  @Override
  public Map<String, String> silentPlaces(UUID clusterId) {
    Map<UUID, HostView> byId =
        hosts.list().stream().collect(Collectors.toMap(HostView::id, Function.identity()));
    Map<String, String> silent = new TreeMap<>();
    for (Placement p : capacity.placementsOf(clusterId)) {
      HostView host = byId.get(p.hostId());
      if (host == null || host.status() == HostStatus.DOWN) {
        silent.put(p.role(), p.hostName());
      }
    }
    return silent;
  }

  @Override
  public Census census(UUID clusterId, Collection<String> roles) {
    Map<String, Placement> placed = placed(clusterId);
    Map<UUID, HostView> byId =
        hosts.list().stream().collect(Collectors.toMap(HostView::id, Function.identity()));
    List<String> unreachable = new ArrayList<>();
    List<String> draining = new ArrayList<>();
    Map<UUID, List<ContainerInfo>> found = new HashMap<>();
    for (String role : roles) {
      Placement p = placed.get(role);
      if (p == null || found.containsKey(p.hostId())) {
        continue;
      }
      HostView host = byId.get(p.hostId());
      if (host != null && host.drained() && !draining.contains(host.name())) {
        draining.add(host.name());
      }
      if (host == null || host.status() == HostStatus.DOWN) {
        String name = host == null ? "a removed host" : host.name();
        if (!unreachable.contains(name)) {
          unreachable.add(name);
        }
        continue;
      }
      found.put(
          p.hostId(),
          engines.containers(hosts.endpointOf(p.hostId()), SparkContainers.labelled(clusterId)));
    }
    if (!unreachable.isEmpty()) {
      return new Census(unreachable.stream().sorted().toList(), draining, List.of());
    }
    List<ClusterCensusRules.Expected> expected = new ArrayList<>();
    for (String role : roles) {
      Placement p = placed.get(role);
      expected.add(
          p == null
              ? new ClusterCensusRules.Expected(role, null, "no host", null)
              : new ClusterCensusRules.Expected(
                  role, p.hostId(), p.hostName(), SparkContainers.name(clusterId, role)));
    }
    List<Census.Absent> absent = ClusterCensusRules.absent(expected, found);
    return new Census(List.of(), draining, absent);
  }

  @Override
  public void decommission(UUID clusterId, Collection<String> roles) {
    Map<String, Placement> placed = placed(clusterId);
    for (String role : roles) {
      Placement p = placed.get(role);
      if (p != null) {
        engines.signal(
            hosts.endpointOf(p.hostId()),
            SparkContainers.name(clusterId, role),
            SparkContainers.DECOMMISSION_SIGNAL);
      }
    }
  }

  @Override
  public void remove(UUID clusterId, Collection<String> roles) {
    Map<String, Placement> placed = placed(clusterId);
    for (String role : roles) {
      Placement p = placed.get(role);
      if (p == null) {
        continue; // never placed, or removed and released by an earlier attempt
      }
      EngineEndpoint endpoint = hosts.endpointOf(p.hostId());
      engines.removeContainer(endpoint, SparkContainers.name(clusterId, role));
      engines
          .volumes(endpoint, SparkContainers.labels(clusterId, role))
          .forEach(v -> engines.removeVolume(endpoint, v));
    }
  }

  @Override
  public boolean readNotebookFiles(ClusterSpec spec, NotebookFiles.Reader reader) {
    Placement notebook = placed(spec.id()).get(Role.NOTEBOOK);
    return notebook != null && files.read(spec, notebook, reader);
  }

  @Override
  public void writeNotebookFiles(ClusterSpec spec, Iterator<NotebookFiles.Source> source) {
    Placement notebook = placed(spec.id()).get(Role.NOTEBOOK);
    if (notebook == null) {
      throw new ComputeException("the notebook has no place on any host yet", false);
    }
    files.write(spec, notebook, source);
  }

  /**
   * Removes every container, volume (the notebook's files too: they were saved to the bucket first)
   * and the cluster's network, wherever the cluster ran; a stopped cluster holds nothing on the
   * hosts. The leases go with {@link #release(UUID)}, the stop's next step.
   */
  @Override
  public void stop(ClusterSpec spec) {
    removeAll(spec.id(), false);
  }

  @Override
  public void removeAll(UUID clusterId, boolean skipUnreachable) {
    awaitAhead(clusterId);
    Collection<Placement> placed = capacity.placementsOf(clusterId);
    if (skipUnreachable) {
      Map<UUID, HostView> byId =
          hosts.list().stream().collect(Collectors.toMap(HostView::id, Function.identity()));
      placed =
          placed.stream()
              .filter(
                  p ->
                      byId.containsKey(p.hostId())
                          && byId.get(p.hostId()).status() != HostStatus.DOWN)
              .toList();
    }
    // hosts that answered hold nothing of the cluster now, not even what an earlier run left
    // while they were silent (a move back onto a host that came back): that is free again
    capacity.releaseLeftBehindOnCleared(clusterId, containers.removeEverywhere(clusterId, placed));
  }

  @Override
  public List<String> logs(UUID clusterId, String role, int lines) {
    Placement p = placed(clusterId).get(role);
    if (p == null) {
      throw new ComputeException("the " + role + " has no place on any host", false);
    }
    return engines.logTail(
        hosts.endpointOf(p.hostId()), SparkContainers.name(clusterId, role), lines);
  }

  @Override
  public Optional<Endpoints> endpoints(UUID clusterId) {
    Map<String, Placement> placed = placed(clusterId);
    Placement master = placed.get(Role.MASTER);
    if (master == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Endpoints(ClusterLayout.notebookUrl(placed), ClusterLayout.masterUi(master)));
  }

  @Override
  public Map<String, String> locations(UUID clusterId) {
    Map<String, String> where = new TreeMap<>();
    capacity.placementsOf(clusterId).forEach(p -> where.put(p.role(), p.hostName()));
    return where;
  }

  @Override
  public Optional<Activity> activity(ClusterSpec spec) {
    Map<String, Placement> placed = placed(spec.id());
    String notebook = ClusterLayout.notebookUrl(placed);
    Placement master = placed.get(Role.MASTER);
    if (notebook == null || master == null || spec.notebook() == null) {
      return Optional.empty();
    }
    NotebookActivity seen =
        probe.notebookActivity(notebook, spec.notebook().jupyterToken()).orElse(null);
    int applications = probe.activeApplications(ClusterLayout.masterUi(master), spec.sparkSecret());
    if (seen == null || applications < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Activity(seen.lastActivity(), seen.kernels(), seen.connections(), applications));
  }

  @Override
  public List<Leftover> removeLeftovers(Function<Set<UUID>, Set<UUID>> gone, Duration minAge) {
    // spares are read before the clusters that are gone: a spare adopted in between is a cluster's
    // by the time its cluster is asked about
    Set<UUID> spares = capacity.spareIds();
    return orphans.sweep(
        found -> {
          Set<UUID> goneNow = new HashSet<>(gone.apply(found));
          goneNow.removeAll(spares);
          return goneNow;
        },
        minAge);
  }

  private Map<String, Placement> placed(UUID clusterId) {
    return ClusterLayout.byRole(capacity.placementsOf(clusterId));
  }

  /** The hosts a cluster was placed on, with their names. */
  private Map<UUID, String> hostsOf(UUID clusterId) {
    Map<UUID, String> used = new LinkedHashMap<>();
    capacity.placementsOf(clusterId).forEach(p -> used.put(p.hostId(), p.hostName()));
    return used;
  }
}
