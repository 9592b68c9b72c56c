package org.workspaceportal.workspace.runtime;

import java.util.List;

/** A role that stopped and will not come back by waiting, with what it logged last. */
public record Exited(String role, String location, List<String> lastLines) {

  public Exited {
    lastLines = List.copyOf(lastLines);
  }
}
