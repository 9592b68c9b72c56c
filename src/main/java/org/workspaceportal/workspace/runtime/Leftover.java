package org.workspaceportal.workspace.runtime;

import java.util.UUID;

/**
 * Something the runtime made for a cluster that is gone, and removed.
 *
 * @param location where it was (a host's name)
 * @param kind what it was, in the runtime's words ({@code container}, {@code volume})
 */
public record Leftover(String location, String kind, String name, UUID clusterId) {}
