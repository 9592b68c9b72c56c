package org.workspaceportal.storage;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a portal that has no storage system: without a FlashBlade every approval would
 * fail, so it is better said at once, with the variables to set, than found by the first user.
 */
@Component
class StorageConfigured {

  static final String MESSAGE =
      "No FlashBlade is configured. Set PORTAL_STORAGE_FLASHBLADE_URL=https://<management VIP>,"
          + " PORTAL_STORAGE_FLASHBLADE_API_TOKEN and PORTAL_STORAGE_FLASHBLADE_CA_CERTIFICATE"
          + " (the array's CA, PEM). To try the portal without an array, use the embedded default"
          + " (no SPRING_DATASOURCE_URL) or set PORTAL_FLASHBLADESIM_ENABLED=true for the built-in"
          + " simulator.";

  StorageConfigured(Environment environment) {
    if (!StringUtils.hasText(environment.getProperty("portal.storage.flashblade.url"))) {
      throw new IllegalStateException(MESSAGE);
    }
  }
}
