package org.workspaceportal.flashbladesim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code /api/2.x/arrays}: the identity of the simulated array, a cheap "reachable and logged in"
 * probe.
 */
final class ArraysResource implements ApiResource {

  private final Listing listing;
  private final SimulatorState state;
  private final ArrayIdentity identity;
  private final long idleTimeoutMs;

  ArraysResource(
      Listing listing, SimulatorState state, ArrayIdentity identity, long idleTimeoutMs) {
    this.listing = listing;
    this.state = state;
    this.identity = identity;
    this.idleTimeoutMs = idleTimeoutMs;
  }

  record Item(
      String id,
      String name,
      String os,
      String version,
      String revision,
      String timeZone,
      List<String> ntpServers,
      long idleTimeout,
      String banner,
      @JsonProperty("_as_of") long asOf) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    var array =
        new Item(
            identity.id(),
            identity.name(),
            "Purity//FB",
            "4.5.0",
            "sim",
            "UTC",
            List.of(),
            idleTimeoutMs,
            "FlashBlade simulator",
            state.now());
    return listing.respond(request, List.of(array));
  }
}
