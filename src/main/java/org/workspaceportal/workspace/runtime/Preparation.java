package org.workspaceportal.workspace.runtime;

/**
 * Where the cluster's image stands: ready everywhere it is needed, or still being fetched.
 *
 * @param progress what is under way, in words ("pulling it on host-a: 40 %"); null when ready
 */
public record Preparation(String progress) {

  public static Preparation ready() {
    return new Preparation(null);
  }

  public boolean isReady() {
    return progress == null;
  }
}
