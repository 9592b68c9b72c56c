package org.workspaceportal.compute.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Version;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerFiles;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.ContainerSpec;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.EngineInfo;
import org.workspaceportal.compute.NetworkInfo;
import org.workspaceportal.compute.NetworkSpec;
import org.workspaceportal.compute.PullStatus;
import org.workspaceportal.compute.SubnetInUseException;
import org.workspaceportal.compute.VolumeInfo;
import org.workspaceportal.compute.VolumeSpec;

/** The {@link ContainerEngine} port on docker-java with its Apache HttpClient 5 transport. */
@Component
class DockerContainerEngine implements ContainerEngine {

  private static final Logger log = LoggerFactory.getLogger(DockerContainerEngine.class);

  private final DockerClients clients;
  private final ImagePulls pulls;
  private final DockerProperties properties;

  DockerContainerEngine(DockerClients clients, ImagePulls pulls, DockerProperties properties) {
    this.clients = clients;
    this.pulls = pulls;
    this.properties = properties;
  }

  @Override
  public void validate(EngineEndpoint endpoint) {
    DockerClients.validate(endpoint);
  }

  @Override
  public EngineInfo describe(EngineEndpoint endpoint) {
    return call(
        endpoint,
        "answer",
        docker -> {
          docker.pingCmd().exec();
          Version version = docker.versionCmd().exec();
          requireApi(endpoint, version.getApiVersion());
          Info info = docker.infoCmd().exec();
          return new EngineInfo(
              info.getName(),
              version.getVersion(),
              version.getApiVersion(),
              info.getOperatingSystem(),
              info.getNCPU() == null ? 0 : info.getNCPU(),
              info.getMemTotal() == null ? 0 : info.getMemTotal(),
              info.getIPv4Forwarding());
        });
  }

  @Override
  public boolean hasImage(EngineEndpoint endpoint, String image) {
    return call(
        endpoint,
        "look for image " + image,
        docker -> {
          try {
            docker.inspectImageCmd(image).exec();
            return true;
          } catch (NotFoundException e) {
            return false;
          }
        });
  }

  @Override
  public java.util.Map<String, String> imageLabels(EngineEndpoint endpoint, String image) {
    return call(
        endpoint,
        "read the labels of image " + image,
        docker -> {
          try {
            var config = docker.inspectImageCmd(image).exec().getConfig();
            java.util.Map<String, String> labels = config == null ? null : config.getLabels();
            return labels == null
                ? java.util.Map.<String, String>of()
                : java.util.Map.copyOf(labels);
          } catch (NotFoundException e) {
            return java.util.Map.<String, String>of();
          }
        });
  }

  @Override
  public PullStatus pull(EngineEndpoint endpoint, String image) {
    return call(endpoint, "pull " + image, docker -> pulls.pull(endpoint, image, docker));
  }

  @Override
  public void ensureNetwork(EngineEndpoint endpoint, NetworkSpec network) {
    try {
      call(
          endpoint,
          "create network " + network.name() + " (" + network.subnet() + ")",
          docker -> {
            // created first: a new cluster's network (the usual case, made with its pod ahead of
            // the notebook) costs one call
            try {
              createNetwork(docker, network);
            } catch (ConflictException made) {
              // made before, or meanwhile by another call (a launch while the pod is made ahead)
            }
            return null;
          });
    } catch (ComputeException e) {
      // the engine's words for a subnet that overlaps one of its networks
      if (e.getMessage() != null && e.getMessage().contains("Pool overlaps")) {
        throw new SubnetInUseException(
            "The subnet "
                + network.subnet()
                + " is in use on "
                + endpoint.uri()
                + " by a network the portal did not make there",
            network.subnet(),
            e);
      }
      throw e;
    }
  }

  /**
   * A bridge of its own with no masquerading: with the hosts not forwarding, nothing on it reaches
   * beyond the host's own addresses (production hosts' firewalls do the same).
   */
  private static void createNetwork(DockerClient docker, NetworkSpec network) {
    docker
        .createNetworkCmd()
        .withName(network.name())
        .withDriver("bridge")
        .withCheckDuplicate(true)
        .withIpam(
            new Network.Ipam()
                .withConfig(
                    new Network.Ipam.Config()
                        .withSubnet(network.subnet())
                        .withGateway(network.gateway())))
        .withOptions(Map.of("com.docker.network.bridge.enable_ip_masquerade", "false"))
        .withLabels(network.labels())
        .exec();
  }

  @Override
  public void removeNetwork(EngineEndpoint endpoint, String name) {
    call(
        endpoint,
        "remove network " + name,
        docker -> {
          try {
            docker.removeNetworkCmd(name).exec();
          } catch (NotFoundException e) {
            // gone already
          }
          return null;
        });
  }

  @Override
  public List<NetworkInfo> labelledNetworks(EngineEndpoint endpoint, Map<String, String> labels) {
    return call(
        endpoint,
        "list networks",
        docker ->
            docker.listNetworksCmd().exec().stream()
                .filter(n -> n.getLabels() != null)
                .filter(n -> n.getLabels().entrySet().containsAll(labels.entrySet()))
                .map(n -> new NetworkInfo(n.getName(), n.getLabels(), null))
                .toList());
  }

  @Override
  public void ensureVolume(EngineEndpoint endpoint, VolumeSpec volume) {
    call(
        endpoint,
        "create volume " + volume.name(),
        docker -> {
          // created first: the engine answers a create of a volume it has (same name and driver)
          // with that volume, so a new one (the usual case, on the path to a notebook) costs one
          // call; a name taken under another driver is used as it is, as when it was looked for
          try {
            return docker
                .createVolumeCmd()
                .withName(volume.name())
                .withDriver(volume.driver())
                .withDriverOpts(volume.options())
                .withLabels(volume.labels())
                .exec();
          } catch (ConflictException e) {
            return docker.inspectVolumeCmd(volume.name()).exec();
          }
        });
  }

  @Override
  public ContainerInfo ensureRunning(EngineEndpoint endpoint, ContainerSpec spec) {
    return call(
        endpoint,
        "start container " + spec.name(),
        docker -> {
          String made = tryCreate(docker, spec);
          if (made != null) {
            // just made, so not running: started without looking at it first, and not looked at
            // after (the engine answers a start once the process runs; one that exits at once is
            // what the readiness waits look for)
            start(docker, made);
            return new ContainerInfo(
                made, spec.name(), spec.image(), spec.labels(), "running", Instant.now());
          }
          InspectContainerResponse found = inspectMade(docker, spec.name());
          if (!Boolean.TRUE.equals(found.getState().getRunning())) {
            start(docker, found.getId());
            found = inspectMade(docker, spec.name());
          }
          return info(found);
        });
  }

  private static void start(DockerClient docker, String id) {
    try {
      docker.startContainerCmd(id).exec();
    } catch (NotModifiedException e) {
      // already running
    }
  }

  @Override
  public ContainerInfo ensureCreated(EngineEndpoint endpoint, ContainerSpec spec) {
    return call(
        endpoint, "create container " + spec.name(), docker -> info(findOrCreate(docker, spec)));
  }

  /** The container of the spec's name, created first when there is none; never a second one. */
  private static InspectContainerResponse findOrCreate(DockerClient docker, ContainerSpec spec) {
    tryCreate(docker, spec);
    return inspectMade(docker, spec.name());
  }

  /**
   * Creates the container unless one of its name exists: its id when this call made it, null when
   * one was made before (by an earlier attempt or another instance), which is then used. Created
   * first and looked for only when the name is taken: a new container (the usual case, on the path
   * to a workspace's notebook) costs no call to look for it.
   */
  private static String tryCreate(DockerClient docker, ContainerSpec spec) {
    try {
      return create(docker, spec);
    } catch (ConflictException e) {
      return null;
    } catch (NotFoundException | BadRequestException e) {
      // the engine checks the image and the settings before the name: a container made before
      // (whose image tag is gone meanwhile, or made with settings this engine refuses now) is
      // still used, as it was when the name was looked for first
      if (inspect(docker, spec.name()) == null) {
        throw e;
      }
      return null;
    }
  }

  private static InspectContainerResponse inspectMade(DockerClient docker, String name) {
    InspectContainerResponse found = inspect(docker, name);
    if (found == null) {
      throw new ComputeException("container " + name + " vanished after creation", true);
    }
    return found;
  }

  @Override
  public void readFiles(
      EngineEndpoint endpoint, String container, String dir, ContainerFiles.Reader reader) {
    call(
        endpoint,
        "read the files under " + dir + " of " + container,
        docker -> {
          // buffered: the tar reader asks for 512-byte records, each a call into the transport
          try (InputStream tar =
              new java.io.BufferedInputStream(
                  docker.copyArchiveFromContainerCmd(container, dir).exec(), 1 << 20)) {
            ContainerArchives.read(tar, reader);
          } catch (IOException e) {
            throw new ComputeException(
                "reading the files under " + dir + " of " + container + ": " + e.getMessage(),
                true);
          }
          return null;
        });
  }

  @Override
  public void writeFiles(
      EngineEndpoint endpoint,
      String container,
      String dir,
      int uid,
      int gid,
      Iterator<ContainerFiles.Source> files) {
    call(
        endpoint,
        "write files under " + dir + " of " + container,
        docker -> {
          ContainerArchives.write(
              files,
              uid,
              gid,
              tar ->
                  docker
                      .copyArchiveToContainerCmd(container)
                      .withRemotePath(dir)
                      .withTarInputStream(tar)
                      .exec());
          return null;
        });
  }

  @Override
  public List<ContainerInfo> containers(EngineEndpoint endpoint, Map<String, String> labels) {
    return call(
        endpoint,
        "list containers",
        docker ->
            docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec().stream()
                .map(
                    c ->
                        new ContainerInfo(
                            c.getId(),
                            c.getNames() == null || c.getNames().length == 0
                                ? c.getId()
                                : c.getNames()[0].replaceFirst("^/", ""),
                            c.getImage(),
                            c.getLabels() == null ? Map.of() : c.getLabels(),
                            c.getState(),
                            c.getCreated() == null ? null : Instant.ofEpochSecond(c.getCreated())))
                .toList());
  }

  @Override
  public List<String> volumes(EngineEndpoint endpoint, Map<String, String> labels) {
    return labelledVolumes(endpoint, labels).stream().map(VolumeInfo::name).toList();
  }

  @Override
  public List<VolumeInfo> labelledVolumes(EngineEndpoint endpoint, Map<String, String> labels) {
    List<String> filter =
        labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    return call(
        endpoint,
        "list volumes",
        docker -> {
          var volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
          return volumes == null
              ? List.<VolumeInfo>of()
              : volumes.stream().map(v -> new VolumeInfo(v.getName(), v.getLabels())).toList();
        });
  }

  @Override
  public void signal(EngineEndpoint endpoint, String nameOrId, String signal) {
    call(
        endpoint,
        "send SIG" + signal + " to container " + nameOrId,
        docker -> {
          try {
            docker.killContainerCmd(nameOrId).withSignal(signal).exec();
          } catch (NotFoundException | ConflictException e) {
            // gone already, or not running: nothing to tell
          }
          return null;
        });
  }

  @Override
  public void removeContainer(EngineEndpoint endpoint, String nameOrId) {
    call(
        endpoint,
        "remove container " + nameOrId,
        docker -> {
          try {
            docker.removeContainerCmd(nameOrId).withForce(true).withRemoveVolumes(true).exec();
          } catch (NotFoundException e) {
            // gone already
          }
          return null;
        });
  }

  @Override
  public void removeVolume(EngineEndpoint endpoint, String name) {
    call(
        endpoint,
        "remove volume " + name,
        docker -> {
          try {
            docker.removeVolumeCmd(name).exec();
          } catch (NotFoundException e) {
            // gone already
          }
          return null;
        });
  }

  @Override
  public List<String> logTail(EngineEndpoint endpoint, String nameOrId, int lines) {
    return call(
        endpoint,
        "read the log of " + nameOrId,
        docker -> ContainerLogs.tail(docker, nameOrId, lines, properties.responseTimeout()));
  }

  /** Creates the container; its id. */
  private static String create(DockerClient docker, ContainerSpec spec) {
    Ports bindings = new Ports();
    List<ExposedPort> exposed = new ArrayList<>();
    for (ContainerSpec.Published p : spec.published()) {
      ExposedPort port = ExposedPort.tcp(p.containerPort());
      exposed.add(port);
      bindings.bind(port, Ports.Binding.bindIpAndPort(p.hostAddress(), p.hostPort()));
    }
    HostConfig host =
        HostConfig.newHostConfig()
            .withNetworkMode(spec.network())
            .withPortBindings(bindings)
            // a workspace runs arbitrary code: no capability at all (its processes need none, they
            // run as an unprivileged user), and nothing gains privileges through setuid programs
            .withCapDrop(Capability.ALL)
            .withSecurityOpts(List.of("no-new-privileges:true"))
            .withInit(true)
            .withMounts(
                spec.volumes().stream()
                    .map(
                        v ->
                            new Mount()
                                .withType(MountType.VOLUME)
                                .withSource(v.volume())
                                .withTarget(v.path()))
                    .toList());
    if (spec.nanoCpus() > 0) {
      host.withNanoCPUs(spec.nanoCpus());
    }
    if (spec.cpuShares() > 0) {
      host.withCpuShares(spec.cpuShares());
    }
    if (spec.memoryBytes() > 0) {
      host.withMemory(spec.memoryBytes());
    }
    if (spec.pidsLimit() > 0) {
      host.withPidsLimit(spec.pidsLimit());
    }
    // nothing written outside the volumes and these small, sized, memory-backed folders: no
    // tool dropped into the image's folders survives, and no disk fills from the root file system
    Map<String, String> tmpfs = new java.util.HashMap<>();
    spec.scratch().forEach((path, options) -> tmpfs.put(path, "rw,nosuid,nodev," + options));
    host.withReadonlyRootfs(true).withTmpFs(tmpfs);
    var create =
        docker
            .createContainerCmd(spec.image())
            .withName(spec.name())
            .withEnv(spec.environment())
            .withLabels(spec.labels())
            .withExposedPorts(exposed)
            .withHostConfig(host);
    if (!spec.entrypoint().isEmpty()) {
      create.withEntrypoint(spec.entrypoint());
    }
    if (!spec.address().isEmpty()) { // a file holder, on no network, has no address
      create.withIpv4Address(spec.address());
    }
    return create.exec().getId();
  }

  private static InspectContainerResponse inspect(DockerClient docker, String name) {
    try {
      return docker.inspectContainerCmd(name).exec();
    } catch (NotFoundException e) {
      return null;
    }
  }

  private static ContainerInfo info(InspectContainerResponse c) {
    return new ContainerInfo(
        c.getId(),
        c.getName() == null ? c.getId() : c.getName().replaceFirst("^/", ""),
        c.getConfig() == null ? null : c.getConfig().getImage(),
        c.getConfig() == null || c.getConfig().getLabels() == null
            ? Map.of()
            : c.getConfig().getLabels(),
        c.getState() == null ? "unknown" : c.getState().getStatus(),
        created(c.getCreated()));
  }

  /** An engine's RFC 3339 time; null when absent or unreadable. */
  private static Instant created(String rfc3339) {
    try {
      return rfc3339 == null ? null : OffsetDateTime.parse(rfc3339).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public void forget(EngineEndpoint endpoint) {
    clients.forget(endpoint);
  }

  private void requireApi(EngineEndpoint endpoint, String apiVersion) {
    if (apiVersion == null || ApiVersions.compare(apiVersion, properties.minimumApiVersion()) < 0) {
      throw new ComputeException(
          "the engine at "
              + endpoint.uri()
              + " answered with API "
              + apiVersion
              + "; "
              + properties.minimumApiVersion()
              + " or later needed",
          false);
    }
  }

  private <T> T call(EngineEndpoint endpoint, String what, Function<DockerClient, T> call) {
    long started = System.nanoTime();
    try {
      return call.apply(clients.clientFor(endpoint));
    } catch (RuntimeException e) {
      throw DockerErrors.translate(endpoint, what, e);
    } finally {
      if (log.isDebugEnabled()) {
        log.debug("{} on {}: {} ms", what, endpoint, (System.nanoTime() - started) / 1_000_000);
      }
    }
  }
}
