package org.workspaceportal.compute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A container to run with host networking (Spark standalone wants every process reachable on the
 * host's own address). Its {@code name} is deterministic, so that asking for it again finds the one
 * an earlier attempt made instead of starting a second copy.
 *
 * @param environment {@code KEY=VALUE} entries; may hold secrets, so {@link #toString()} shows only
 *     the keys
 * @param nanoCpus CPU limit in billionths of a CPU (cgroup); 0 for none
 * @param cpuShares the container's CPU weight against the host's other containers when the CPUs are
 *     busy (Docker's {@code CpuShares}, default 1024); 0 for the engine's default
 * @param memoryBytes memory limit (cgroup); 0 for none
 */
public record ContainerSpec(
    String name,
    String image,
    List<String> environment,
    Map<String, String> labels,
    long nanoCpus,
    int cpuShares,
    long memoryBytes,
    List<VolumeMount> volumes) {

  public ContainerSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    environment = List.copyOf(environment);
    labels = Map.copyOf(labels);
    volumes = List.copyOf(volumes);
  }

  /** The same container with more labels (the installation's, added by the caller). */
  public ContainerSpec withLabels(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(labels);
    all.putAll(more);
    return new ContainerSpec(
        name, image, environment, all, nanoCpus, cpuShares, memoryBytes, volumes);
  }

  /** A named volume mounted at a path in the container. */
  public record VolumeMount(String volume, String path) {}

  @Override
  public String toString() {
    return "ContainerSpec[name="
        + name
        + ", image="
        + image
        + ", env keys="
        + environment.stream().map(e -> e.substring(0, Math.max(e.indexOf('='), 0))).toList()
        + ", labels="
        + labels
        + "]";
  }
}
