package org.workspaceportal.compute;

import java.util.HashMap;
import java.util.Map;

/**
 * A cluster's own network on a host: a Docker bridge with a subnet the portal leased for it. Its
 * containers reach each other there and nothing on the host's loopback; containers of other
 * networks are not reachable at all (no route between bridges; the hosts do not forward).
 *
 * @param subnet e.g. {@code 10.242.7.0/24}
 * @param gateway the host's own address on it (the subnet's first address)
 */
public record NetworkSpec(String name, String subnet, String gateway, Map<String, String> labels) {

  public NetworkSpec {
    labels = Map.copyOf(labels);
  }

  /** The same network with more labels (the installation's, added by the caller). */
  public NetworkSpec withLabels(Map<String, String> more) {
    Map<String, String> all = new HashMap<>(labels);
    all.putAll(more);
    return new NetworkSpec(name, subnet, gateway, all);
  }
}
