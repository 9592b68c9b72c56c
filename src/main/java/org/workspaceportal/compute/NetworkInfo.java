package org.workspaceportal.compute;

import java.time.Instant;
import java.util.Map;

/**
 * A network as the engine reports it.
 *
 * @param created null when the engine does not say
 */
public record NetworkInfo(String name, Map<String, String> labels, Instant created) {

  public NetworkInfo {
    labels = Map.copyOf(labels);
  }
}
