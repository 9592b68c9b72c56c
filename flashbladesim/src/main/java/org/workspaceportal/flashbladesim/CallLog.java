package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;

/** Every call the management API answered, those a {@link CallInterceptor} failed included. */
final class CallLog {

  private final List<ApiCall> calls = new ArrayList<>();

  synchronized void record(ApiCall call) {
    calls.add(call);
  }

  synchronized List<ApiCall> calls() {
    return List.copyOf(calls);
  }

  synchronized long count(String method, String resource) {
    return calls.stream()
        .filter(c -> c.method().equalsIgnoreCase(method) && c.resource().equals(resource))
        .count();
  }

  synchronized void clear() {
    calls.clear();
  }
}
