package org.workspaceportal.compute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container to run on a network of its own cluster (never the host's network), with a fixed
 * address there, and hardened: no Linux capabilities at all, no privilege gained through setuid
 * programs ({@code no-new-privileges}), a ceiling on its processes and threads. Its {@code name} is
 * deterministic, so that asking for it again finds the one an earlier attempt made instead of
 * starting a second copy.
 *
 * @param environment {@code KEY=VALUE} entries; may hold secrets, so {@link #toString()} shows only
 *     the keys
 * @param network the Docker network it joins (its cluster's, see {@link NetworkSpec}), or {@code
 *     container:<name>} to share the network namespace of its cluster's pod on the host (see {@link
 *     SparkContainers#pod}), or {@code none}
 * @param address its IPv4 address on that network; empty when it joins a pod or no network
 * @param published its ports reachable from outside the network, each on a host address and port
 *     leased to it; nothing else of it is
 * @param nanoCpus CPU limit in billionths of a CPU (cgroup); 0 for none
 * @param cpuShares the container's CPU weight against the host's other containers when the CPUs are
 *     busy (Docker's {@code CpuShares}, default 1024); 0 for the engine's default
 * @param memoryBytes memory limit (cgroup); 0 for none
 * @param pidsLimit the most processes and threads it may have at once (cgroup), so that a fork bomb
 *     in one container cannot take the host's; 0 for none
 * @param entrypoint the program to run instead of the image's entrypoint, with its arguments; empty
 *     for the image's own
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> environment,
    Map<String, String> labels,
    String network,
    String address,
    List<Published> published,
    long nanoCpus,
    int cpuShares,
    long memoryBytes,
    long pidsLimit,
    Map<String, String> scratch,
    List<VolumeMount> volumes,
    List<String> entrypoint) {

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(address, "address");
    environment = List.copyOf(environment);
    labels = Map.copyOf(labels);
    published = List.copyOf(published);
    scratch = Map.copyOf(scratch);
    volumes = List.copyOf(volumes);
    entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
  }

  /** The same container with more labels (the installation's, added by the caller). */
  public ContainerSpec withLabels(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(labels);
    all.putAll(more);
    return new ContainerSpec(
        name,
        image,
        environment,
        all,
        network,
        address,
        published,
        nanoCpus,
        cpuShares,
        memoryBytes,
        pidsLimit,
        scratch,
        volumes,
        entrypoint);
  }

  /** A named volume mounted at a path in the container. */
  public record VolumeMount(String volume, String path) {}

  /** A port of the container reachable at {@code hostAddress:hostPort} from outside its network. */
  public record Published(String hostAddress, int hostPort, int containerPort) {}

  @Override
  public String toString() {
    return "ContainerSpec[name="
        + name
        + ", image="
        + image
        + ", network="
        + network
        + ", address="
        + address
        + ", published="
        + published
        + ", env keys="
        + environment.stream().map(e -> e.substring(0, Math.max(e.indexOf('='), 0))).toList()
        + ", labels="
        + labels
        + "]";
  }
}
