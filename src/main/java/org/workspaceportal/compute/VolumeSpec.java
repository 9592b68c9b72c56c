package org.workspaceportal.compute;

import java.util.HashMap;
import java.util.Map;

/**
 * A named volume: {@code local} by default, or another driver (e.g. Pure's {@code pure} plugin)
 * with its options; a {@code local} volume with {@code type=nfs} or {@code type=none,o=bind}
 * options mounts an NFS export or a host folder.
 */
public record VolumeSpec(
    String name, String driver, Map<String, String> options, Map<String, String> labels) {

  public VolumeSpec {
    driver = driver == null || driver.isBlank() ? "local" : driver;
    options = Map.copyOf(options);
    labels = Map.copyOf(labels);
  }

  /** The same volume with more labels (the installation's, added by the caller). */
  public VolumeSpec withLabels(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(labels);
    all.putAll(more);
    return new VolumeSpec(name, driver, options, all);
  }
}
