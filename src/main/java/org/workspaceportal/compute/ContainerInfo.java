package org.workspaceportal.compute;

import java.util.Map;

/**
 * A container as the engine reports it.
 *
 * @param state the engine's word: created, running, exited, dead…
 */
public record ContainerInfo(
    String id, String name, String image, Map<String, String> labels, String state) {

  public boolean running() {
    return "running".equals(state);
  }
}
