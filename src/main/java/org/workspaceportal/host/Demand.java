package org.workspaceportal.host;

/**
 * What one container of a workspace needs from a host.
 *
 * @param role unique within the workspace: {@code master}, {@code worker-1}, {@code notebook}
 * @param cpus cores reserved for it (0 for light daemons that need no reservation)
 * @param memoryMb memory reserved for it
 * @param ports how many ports it listens on
 * @param spread true for containers to spread across hosts (workers); the others go where there is
 *     the most room
 */
public record Demand(String role, int cpus, int memoryMb, int ports, boolean spread) {}
