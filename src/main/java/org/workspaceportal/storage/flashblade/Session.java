package org.workspaceportal.storage.flashblade;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.StorageException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST version and the session token. Both are obtained lazily on the first call (so the portal
 * starts while the array is down), the session is renewed when a call answers 401 (sessions expire
 * after idle time, sometimes much sooner than documented), and closed by {@link #logout()}.
 */
final class Session {

  /** The version chosen and the session token; the token is a secret, hence the own toString. */
  record State(RestVersion version, String token) {
    @Override
    public String toString() {
      return "State[version=" + version + ", token=****]";
    }
  }

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  private final FlashBladeHttp http;
  private final ResilientCalls calls;
  private final JsonMapper json;
  private final String apiToken;
  // A lock rather than synchronized: callers may be virtual threads, and a login does network I/O.
  private final ReentrantLock lock = new ReentrantLock();
  private volatile RestVersion version;
  private volatile State state;

  Session(FlashBladeHttp http, ResilientCalls calls, JsonMapper json, String apiToken) {
    this.http = http;
    this.calls = calls;
    this.json = json;
    this.apiToken = apiToken;
  }

  State current() {
    State known = state;
    return known != null ? known : renew(null);
  }

  /** Logs in again unless another thread already replaced {@code stale}. */
  State renew(State stale) {
    lock.lock();
    try {
      if (state != null && state != stale) {
        return state;
      }
      state = login();
      return state;
    } finally {
      lock.unlock();
    }
  }

  Map.Entry<String, String> header(State current) {
    return Map.entry(FlashBladeHttp.SESSION_HEADER, current.token());
  }

  /** Best effort: the array forgets idle sessions anyway, so a failed logout is only logged. */
  void logout() {
    lock.lock();
    try {
      State open = state;
      state = null;
      if (open == null) {
        return;
      }
      Answer answer =
          http.send(
              new Exchange("POST", "/api/logout", Map.of(), null, "logout", false), header(open));
      log.debug("Logged out of FlashBlade (HTTP {})", answer.status());
    } catch (ExchangeFailure e) {
      log.debug("Could not log out of FlashBlade: {}", e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  private State login() {
    RestVersion chosen = version != null ? version : discoverVersion();
    version = chosen;
    Exchange exchange = new Exchange("POST", "/api/login", Map.of(), null, "login", false);
    Answer answer;
    try {
      answer = calls.run("log in", () -> http.send(exchange, Map.entry("api-token", apiToken)));
    } catch (FlashBladeRefusal refused) {
      if (refused.status() == 401 || refused.status() == 403) {
        throw new StorageException(
            "FlashBlade did not accept the API token (portal.storage.flashblade.api-token): "
                + ApiErrors.describe(refused.errors())
                + " (HTTP "
                + refused.status()
                + ")",
            false,
            refused);
      }
      throw refused;
    }
    if (answer.sessionToken() == null || answer.sessionToken().isBlank()) {
      throw new StorageException(
          "FlashBlade answered the login without a session token (x-auth-token)", false);
    }
    log.debug("Logged in to FlashBlade, REST {}", chosen);
    return new State(chosen, answer.sessionToken());
  }

  private RestVersion discoverVersion() {
    Exchange exchange =
        new Exchange("GET", "/api/api_version", Map.of(), null, "api_version", false);
    Answer answer = calls.run("list its REST versions", () -> http.send(exchange, null));
    ApiVersions offered =
        FlashBladeJson.decode(json, answer.body(), ApiVersions.class, "list its REST versions");
    RestVersion chosen =
        RestVersion.choose(offered.versions())
            .orElseThrow(
                () ->
                    new StorageException(
                        "FlashBlade offers no REST 2.x version this portal speaks (2.0 to 2."
                            + RestVersion.HIGHEST_SUPPORTED
                            + "); it offers "
                            + offered.versions(),
                        false));
    log.info("FlashBlade offers REST up to {}; using {}", last(offered), chosen);
    return chosen;
  }

  private static String last(ApiVersions offered) {
    return offered.versions() == null || offered.versions().isEmpty()
        ? "nothing"
        : offered.versions().getLast();
  }
}
