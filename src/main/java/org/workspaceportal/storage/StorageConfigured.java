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
          + " (the array's CA, PEM). To try the portal without an array, start it with"
          + " `./mvnw spring-boot:run`, which runs the FlashBlade simulator beside it, or point"
          + " these settings at a simulator of its own (docker compose runs one; see"
          + " deploy/README.md).";

  /**
   * The simulator switch is read by the simulator itself, which the production jar does not carry:
   * there the switch would silently do nothing.
   */
  static final String NO_SIMULATOR_HERE =
      " PORTAL_FLASHBLADESIM_ENABLED has no effect here: this build of the portal does not carry"
          + " the simulator.";

  StorageConfigured(Environment environment) {
    if (!StringUtils.hasText(environment.getProperty("portal.storage.flashblade.url"))) {
      boolean simulatorAskedFor =
          environment.getProperty("portal.flashbladesim.enabled", Boolean.class, false);
      throw new IllegalStateException(MESSAGE + (simulatorAskedFor ? NO_SIMULATOR_HERE : ""));
    }
  }
}
