package org.workspaceportal.workspace.engine;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which handler runs which step kind. Built once at start-up from every {@link StepHandler} bean;
 * refuses to exist (and so stops the start) when a kind has no handler or more than one, so a new
 * kind can never be silently skipped or marked done.
 */
@Component
class StepHandlers {

  private final Map<StepKind, StepHandler> byKind = new EnumMap<>(StepKind.class);

  StepHandlers(List<StepHandler> handlers) {
    for (StepHandler handler : handlers) {
      for (StepKind kind : handler.kinds()) {
        StepHandler earlier = byKind.putIfAbsent(kind, handler);
        if (earlier != null) {
          throw new IllegalStateException(
              "Step kind "
                  + kind
                  + " has two handlers: "
                  + name(earlier)
                  + " and "
                  + name(handler));
        }
      }
    }
    List<StepKind> missing =
        Arrays.stream(StepKind.values()).filter(k -> !byKind.containsKey(k)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "No step handler for "
              + missing.stream().map(Enum::name).collect(Collectors.joining(", "))
              + ": every step kind needs exactly one");
    }
  }

  StepHandler forKind(StepKind kind) {
    return byKind.get(kind);
  }

  private static String name(StepHandler handler) {
    return handler.getClass().getSimpleName();
  }
}
