package org.workspaceportal.host;

import java.util.List;
import java.util.UUID;

/**
 * Where one container of a workspace goes: the host, the address it is reached by, and the ports
 * leased to it there.
 */
public record Placement(
    String role,
    UUID hostId,
    String hostName,
    String address,
    List<Integer> ports,
    int cpus,
    int memoryMb) {}
