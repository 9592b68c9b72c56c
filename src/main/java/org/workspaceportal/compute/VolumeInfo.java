package org.workspaceportal.compute;

import java.util.Map;

/** A volume as the engine reports it. */
public record VolumeInfo(String name, Map<String, String> labels) {

  public VolumeInfo {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
