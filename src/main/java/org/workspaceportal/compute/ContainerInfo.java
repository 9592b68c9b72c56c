package org.workspaceportal.compute;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param state the engine's word: created, running, exited, dead…
 * @param created when the engine created it; null if it did not say
 */
public record ContainerInfo(
    String id,
    String name,
    String image,
    Map<String, String> labels,
    String state,
    Instant created) {

  public boolean running() {
    return "running".equals(state);
  }
}
