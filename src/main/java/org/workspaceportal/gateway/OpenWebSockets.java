package org.workspaceportal.gateway;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The WebSockets the gateway relays (kernels, terminals), by the workspace session that opened
 * them: a cookie is checked when a WebSocket opens, not for each of its frames, so when a session
 * ends (sign-out) or its user is disabled, its WebSockets are closed here, at once.
 */
@Component
class OpenWebSockets {

  /** Exchange attributes {@link WorkspaceForwarding} sets on a WebSocket's upgrade request. */
  static final String SESSION_KEY = OpenWebSockets.class.getName() + ".session";

  static final String USER = OpenWebSockets.class.getName() + ".user";

  private record Open(String sessionKey, String username, WebSocketSession socket) {}

  private final Set<Open> open = ConcurrentHashMap.newKeySet();

  /** Spring Cloud Gateway's WebSocket service, with each relayed WebSocket kept track of. */
  WebSocketService around(WebSocketService delegate) {
    return new WebSocketService() {
      @Override
      public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        String key = exchange.getAttribute(SESSION_KEY);
        String user = exchange.getAttribute(USER);
        if (key == null) {
          return delegate.handleRequest(exchange, handler);
        }
        return delegate.handleRequest(
            exchange,
            new WebSocketHandler() {
              @Override
              public List<String> getSubProtocols() {
                return handler.getSubProtocols();
              }

              @Override
              public Mono<Void> handle(WebSocketSession session) {
                Open entry = new Open(key, user, session);
                open.add(entry);
                return handler.handle(session).doFinally(signal -> open.remove(entry));
              }
            });
      }
    };
  }

  /** Closes the WebSockets of these workspace sessions (hex of their hashes). */
  void closeSessions(Collection<String> sessionKeys) {
    close(o -> sessionKeys.contains(o.sessionKey()));
  }

  /** Closes a user's WebSockets. */
  void closeUser(String username) {
    close(o -> username.equals(o.username()));
  }

  private void close(Predicate<Open> which) {
    open.stream()
        .filter(which)
        .forEach(
            o -> {
              open.remove(o);
              o.socket()
                  .close(new CloseStatus(CloseStatus.POLICY_VIOLATION.getCode(), "signed out"))
                  .subscribe();
            });
  }
}
