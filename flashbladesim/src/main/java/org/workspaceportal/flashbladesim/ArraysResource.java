package org.workspaceportal.flashbladesim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code /api/2.x/arrays}: the identity of the simulated array, a cheap "reachable and logged in"
 * probe. Its {@code version} is the Purity//FB release that serves the newest REST version the
 * array offers ({@link PurityReleases}).
 */
final class ArraysResource implements ApiResource {

  private final Listing listing;
  private final SimulatorState state;
  private final ArrayIdentity identity;
  private final String purityVersion;
  private final long idleTimeoutMs;

  ArraysResource(
      Listing listing,
      SimulatorState state,
      ArrayIdentity identity,
      String purityVersion,
      long idleTimeoutMs) {
    this.listing = listing;
    this.state = state;
    this.identity = identity;
    this.purityVersion = purityVersion;
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
            purityVersion,
            "sim",
            "UTC",
            List.of(),
            idleTimeoutMs,
            "FlashBlade simulator",
            state.now());
    return listing.respond(request, List.of(array));
  }
}
