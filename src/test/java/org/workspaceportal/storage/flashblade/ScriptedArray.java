package org.workspaceportal.storage.flashblade;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A MockWebServer dispatcher that plays a FlashBlade's version discovery and login by itself and
 * answers every other call from a script, in order, so that tests state only the answers they are
 * about.
 */
final class ScriptedArray extends Dispatcher {

  final Queue<MockResponse> script = new ConcurrentLinkedQueue<>();
  final List<RecordedRequest> resourceCalls = new CopyOnWriteArrayList<>();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger logouts = new AtomicInteger();
  volatile String versions = "[\"1.10\",\"1.12\",\"2.0\",\"2.7\",\"2.8\",\"2.17\"]";

  static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse items(String... items) {
    return json(200, "{\"items\":[" + String.join(",", items) + "]}");
  }

  static MockResponse errors(int status, String context, String message) {
    return json(
        status, "{\"errors\":[{\"context\":\"" + context + "\",\"message\":\"" + message + "\"}]}");
  }

  ScriptedArray then(MockResponse response) {
    script.add(response);
    return this;
  }

  String currentSession() {
    return "session-" + logins.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    switch (path) {
      case "/api/api_version" -> {
        return json(200, "{\"versions\":" + versions + "}");
      }
      case "/api/login" -> {
        if (!FlashBladeFixtures.API_TOKEN.equals(request.getHeaders().get("api-token"))) {
          return errors(401, "", "Invalid API token.");
        }
        return new MockResponse.Builder()
            .code(200)
            .addHeader("x-auth-token", "session-" + logins.incrementAndGet())
            .body("{\"items\":[{\"username\":\"pureuser\"}]}")
            .build();
      }
      case "/api/logout" -> {
        logouts.incrementAndGet();
        return json(200, "{}");
      }
      default -> {
        resourceCalls.add(request);
        MockResponse next = script.poll();
        return next != null ? next : errors(500, "", "test script has no answer for " + path);
      }
    }
  }
}
