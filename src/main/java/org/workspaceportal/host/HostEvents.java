package org.workspaceportal.host;

/** Events the host module publishes (audit listens; workspaces will react to status changes). */
public final class HostEvents {

  private HostEvents() {}

  /** An admin registered, edited, drained, undrained or removed a host. */
  public record HostChanged(String name, String change, String actor, String detail) {}

  /** A health check found the host's engine answering again, or not any more. */
  public record HostStatusChanged(String name, HostStatus from, HostStatus to, String error) {}
}
