package org.workspaceportal.workspace.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.workspaceportal.identity.IdentityEvents.UserEnabledChanged;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceProgressed;
import org.workspaceportal.workspace.WorkspaceEvents.WorkspaceStatusChanged;

/**
 * Server-sent events for open workspace pages: a "progress" event whenever something about the
 * workspace changed in this instance; the page then fetches its live part again (htmx). Pages also
 * refresh on a slow timer, which covers changes made by another portal instance.
 */
@Component
class WorkspaceUpdates {

  private static final Duration TIMEOUT = Duration.ofMinutes(15);

  private final Map<UUID, List<SseEmitter>> emitters = new ConcurrentHashMap<>();
  private final Map<SseEmitter, String> viewers = new ConcurrentHashMap<>();

  /** A stream for {@code username}'s open page of the workspace. */
  SseEmitter subscribe(UUID workspaceId, String username) {
    SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
    List<SseEmitter> list =
        emitters.computeIfAbsent(workspaceId, id -> new CopyOnWriteArrayList<>());
    list.add(emitter);
    viewers.put(emitter, username);
    Runnable remove =
        () -> {
          list.remove(emitter);
          viewers.remove(emitter);
        };
    emitter.onCompletion(remove);
    emitter.onTimeout(remove);
    emitter.onError(e -> remove.run());
    return emitter;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(WorkspaceProgressed event) {
    notify(event.id());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(WorkspaceStatusChanged event) {
    notify(event.id());
  }

  /**
   * Ends a disabled user's streams at once: the session filter only sees the next request, and an
   * open stream would otherwise keep telling them about the workspace until it times out.
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(UserEnabledChanged event) {
    if (!event.enabled()) {
      viewers.forEach(
          (emitter, username) -> {
            if (username.equals(event.username())) {
              emitter.complete();
              emitters.values().forEach(list -> list.remove(emitter));
              viewers.remove(emitter);
            }
          });
    }
  }

  /**
   * Ends every open stream when the portal shuts down: a graceful shutdown waits for open requests,
   * and an event stream would otherwise hold it up until its timeout. Browsers reconnect by
   * themselves.
   */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    emitters.values().forEach(list -> list.forEach(SseEmitter::complete));
    emitters.clear();
    viewers.clear();
  }

  int subscribers(UUID workspaceId) {
    return emitters.getOrDefault(workspaceId, List.of()).size();
  }

  private void notify(UUID workspaceId) {
    for (SseEmitter emitter : emitters.getOrDefault(workspaceId, List.of())) {
      try {
        emitter.send(SseEmitter.event().name("progress").data(workspaceId.toString()));
      } catch (IOException | IllegalStateException gone) {
        emitter.completeWithError(gone);
      }
    }
  }
}
