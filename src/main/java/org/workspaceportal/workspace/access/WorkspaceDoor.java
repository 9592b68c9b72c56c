package org.workspaceportal.workspace.access;

import java.util.UUID;

/**
 * A workspace as its gateway sees it.
 *
 * @param open its cluster runs and its notebook has answered: the gateway forwards to it
 * @param statusLabel its status in words, for the page that says why it cannot be opened
 * @param jupyter the Jupyter server's base URL on its host (ending in {@code /}); null when not
 *     open
 * @param sparkUi the Spark master UI's base URL on its host (ending in {@code /}); null when not
 *     open
 * @param jupyterKey the key of the signature Jupyter accepts (the cluster's Jupyter token, renewed
 *     at each start); never sent to a browser; null when not open
 * @param sparkKey the key of the signature the Spark master UI accepts (the cluster's Spark RPC
 *     secret); never sent to a browser; null when not open
 */
public record WorkspaceDoor(
    UUID id,
    String name,
    String owner,
    boolean open,
    String statusLabel,
    String jupyter,
    String sparkUi,
    String jupyterKey,
    String sparkKey) {

  @Override
  public String toString() {
    return "WorkspaceDoor[" + id + ", " + name + ", " + owner + ", open=" + open + "]";
  }
}
