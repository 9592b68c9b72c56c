package org.workspaceportal.workspace.access;

import java.util.UUID;

/**
 * The addresses at which people open a workspace's Jupyter and Spark UIs: its own origin on the
 * portal's gateway, never a Docker host's {@code host:port}. Implemented by the gateway module.
 */
public interface WorkspaceAddresses {

  /** Jupyter's file list on the workspace's origin. */
  String jupyter(UUID workspaceId);

  /** The Spark master UI (with the workers' and applications' UIs behind it). */
  String sparkUi(UUID workspaceId);
}
