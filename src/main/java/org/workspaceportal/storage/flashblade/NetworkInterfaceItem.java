package org.workspaceportal.storage.flashblade;

import java.util.List;

/**
 * A VIP as {@code GET /network-interfaces} returns it; data VIPs have {@code "data"} in {@code
 * services}.
 */
record NetworkInterfaceItem(String name, String address, Boolean enabled, List<String> services) {

  boolean servesData() {
    return services != null
        && services.contains("data")
        && !Boolean.FALSE.equals(enabled)
        && address != null
        && !address.isBlank();
  }
}
