package org.workspaceportal.host;

/**
 * What one container of a cluster needs from a host. Every container of a cluster goes to one host,
 * on the cluster's own network there.
 *
 * @param role unique within the cluster: {@code master}, {@code worker-1}, {@code notebook}
 * @param cpus cores reserved for it (0 for light daemons that need no reservation)
 * @param memoryMb memory reserved for it
 * @param ports how many of its ports are published on the host (and so leased there)
 */
public record Demand(String role, int cpus, int memoryMb, int ports) {}
