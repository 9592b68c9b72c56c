package org.workspaceportal.flashbladesim;

import java.util.List;

/**
 * {@code /api/2.x/network-interfaces}: one data VIP and one management VIP, both on loopback. The
 * data VIP's address carries no port, as on an array; clients of the simulator get the S3 port from
 * {@link FlashBladeSimulator#s3Endpoint()}.
 */
final class NetworkInterfacesResource implements ApiResource {

  private final Listing listing;
  private final List<Item> interfaces;

  NetworkInterfacesResource(Listing listing, String arrayId) {
    this.listing = listing;
    var subnet = new ApiRef("loopback", arrayId + "-subnet");
    this.interfaces =
        List.of(
            new Item(
                "data1",
                arrayId + "-data1",
                "127.0.0.1",
                true,
                null,
                1500,
                "255.0.0.0",
                List.of("data"),
                subnet,
                "vip",
                0),
            new Item(
                "management",
                arrayId + "-management",
                "127.0.0.1",
                true,
                null,
                1500,
                "255.0.0.0",
                List.of("management"),
                subnet,
                "vip",
                0));
  }

  record Item(
      String name,
      String id,
      String address,
      boolean enabled,
      String gateway,
      int mtu,
      String netmask,
      List<String> services,
      ApiRef subnet,
      String type,
      int vlan) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    List<String> names = request.names();
    if (!names.isEmpty()) {
      List<String> known = interfaces.stream().map(Item::name).toList();
      List<ApiError> missing =
          names.stream()
              .filter(n -> !known.contains(n))
              .map(n -> new ApiError(n, "Network interface does not exist."))
              .toList();
      if (!missing.isEmpty()) {
        throw new ApiException(400, missing);
      }
    }
    return listing.respond(
        request,
        interfaces.stream().filter(i -> names.isEmpty() || names.contains(i.name())).toList());
  }
}
