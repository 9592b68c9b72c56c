package org.workspaceportal.flashbladesim;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions opened by {@code POST /api/login}; each one dies after an idle time, as on the array.
 */
final class SessionRegistry {

  private final Map<String, Long> lastUse = new ConcurrentHashMap<>();
  private final long idleMillis;
  private final Clock clock;

  SessionRegistry(Duration idleTimeout, Clock clock) {
    this.idleMillis = idleTimeout.toMillis();
    this.clock = clock;
  }

  String open() {
    String token = UUID.randomUUID().toString();
    lastUse.put(token, clock.millis());
    return token;
  }

  /** Whether the session is valid; using it keeps it alive for another idle period. */
  boolean touch(String token) {
    if (token == null) {
      return false;
    }
    long now = clock.millis();
    Long previous =
        lastUse.computeIfPresent(token, (t, last) -> now - last > idleMillis ? null : now);
    return previous != null;
  }

  void close(String token) {
    lastUse.remove(token);
  }

  void expireAll() {
    lastUse.clear();
  }
}
