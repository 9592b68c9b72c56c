package org.workspaceportal.storage.flashblade;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Creates are guarded by a lookup, but another portal instance (or a retry whose first attempt did
 * arrive) can create the same name in between; the array then answers "already exists". That object
 * is the one we wanted, so it is looked up again and adopted.
 */
final class Races {

  private Races() {}

  static <T> T adoptIfAlreadyExists(FlashBladeRefusal refusal, Supplier<Optional<T>> lookup) {
    if (!refusal.saysAlreadyExists()) {
      throw refusal;
    }
    return lookup.get().orElseThrow(() -> refusal);
  }
}
