package org.workspaceportal.workspace.cluster;

import java.util.List;

/**
 * The last lines one container of a workspace's cluster wrote, with the workspace's secrets masked.
 *
 * @param state what the engine last said of the container (running, stopped…)
 */
public record ContainerLog(String role, String host, String state, List<String> lines) {}
