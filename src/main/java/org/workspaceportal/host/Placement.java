package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;

/**
 * Where one container of a cluster goes: the host, the host's address (where its published ports
 * are reached), the ports leased to it there, and the subnet of its cluster's own network there.
 */
public record Placement(
    String role,
    UUID hostId,
    String hostName,
    String address,
    List<Integer> ports,
    int cpus,
    int memoryMb,
    String subnet) {}
