package org.workspaceportal.storage.flashblade;

import java.net.URI;
import java.util.Map;
import org.workspaceportal.storage.DataEndpoints;
import org.workspaceportal.storage.StorageException;

/**
 * Where clients reach the data: the configured {@code data-endpoint}, else the first network
 * interface that serves {@code data} (its address is both the S3 endpoint and the NFS server).
 * Looked up once: data VIPs change only by an administrator's hand, and restarting the portal picks
 * that up.
 */
final class DataVips {

  private final FlashBladeApi api;
  private final URI configured;
  private final String scheme;
  private volatile DataEndpoints cached;

  DataVips(FlashBladeApi api, URI configured, String scheme) {
    this.api = api;
    this.configured = configured;
    this.scheme = scheme;
  }

  DataEndpoints endpoints() {
    DataEndpoints known = cached;
    if (known == null) {
      known = configured != null ? new DataEndpoints(configured, configured.getHost()) : discover();
      cached = known;
    }
    return known;
  }

  private DataEndpoints discover() {
    NetworkInterfaceItem vip =
        api
            .list(
                "network-interfaces",
                Map.of(),
                NetworkInterfaceItem.class,
                "list its network interfaces")
            .stream()
            .filter(NetworkInterfaceItem::servesData)
            .findFirst()
            .orElseThrow(
                () ->
                    new StorageException(
                        "FlashBlade has no enabled network interface with the 'data' service;"
                            + " create a data VIP or set portal.storage.flashblade.data-endpoint",
                        false));
    String address = vip.address().strip();
    String host = address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    return new DataEndpoints(URI.create(scheme + "://" + host), address);
  }
}
