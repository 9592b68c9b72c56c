package org.workspaceportal.host;

/** Hosts for tests. */
public final class HostFixtures {

  private HostFixtures() {}

  /**
   * The host's settings as they are, with another offer of cores and memory (null: what the engine
   * reports); blank TLS fields keep the stored material.
   */
  public static HostRegistration withOffer(HostView h, Integer cpus, Integer memoryMb) {
    return new HostRegistration(
        h.name(),
        h.endpoint(),
        h.address(),
        h.labels(),
        cpus,
        memoryMb,
        h.portRangeStart(),
        h.portRangeEnd(),
        null,
        null,
        null);
  }
}
