package org.workspaceportal.host;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A host as admins and scripts see it: never its TLS material.
 *
 * @param offeredCpus cores the portal may use there (configured, else what the engine reports)
 * @param offeredMemoryMb memory the portal may use there, in MB
 * @param usedCpus cores held by workspaces' containers
 * @param workspaces workspaces with containers there
 * @param poolClusters warm-pool clusters kept started there, claimed by no workspace yet
 * @param sparePods spare pods made there for the next new workspaces' clusters to adopt
 * @param ipv4Forwarding the host forwards IPv4 packets (its engine says so): a workspace network is
 *     then sealed only by the engine's iptables rules and the site's firewall; null before it
 *     answered
 */
public record HostView(
    UUID id,
    String name,
    String endpoint,
    String address,
    List<String> labels,
    boolean tls,
    Integer configuredCpus,
    Integer configuredMemoryMb,
    int offeredCpus,
    int offeredMemoryMb,
    int usedCpus,
    int usedMemoryMb,
    int workspaces,
    int poolClusters,
    int sparePods,
    int portRangeStart,
    int portRangeEnd,
    boolean drained,
    HostStatus status,
    Instant lastCheckedAt,
    Instant lastSeenAt,
    String lastError,
    String engineVersion,
    String apiVersion,
    Integer engineCpus,
    Long engineMemoryBytes,
    Instant createdAt,
    Boolean ipv4Forwarding) {

  /** Up and not drained: new workspaces may be placed here. */
  public boolean acceptsWorkspaces() {
    return status == HostStatus.UP && !drained;
  }

  /** Its engine said it forwards packets (the Hosts page warns). */
  public boolean forwards() {
    return Boolean.TRUE.equals(ipv4Forwarding);
  }
}
