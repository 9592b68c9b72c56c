package org.workspaceportal.web;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A page of another origin of the same site as a workspace's ({@code ws-000000000000.localhost}, as
 * another workspace's pages would be): what a hostile tenant would lure the owner to. Served from
 * loopback by the JDK's HTTP server.
 */
final class EvilPage implements AutoCloseable {

  /**
   * Run on the evil page with (victim origin, a kernel id of hers): reads what cookies it can,
   * opens her kernel's WebSocket, reads her files with her cookie, and posts a new file with it.
   * Answers {cookie, websocket: open|refused, read: read|blocked, post: sent|failed}.
   */
  static final String ATTACK =
      """
      const [victim, kernelId, done] = arguments;
      const got = {cookie: document.cookie};
      const finish = () => { if (got.websocket && got.read && got.post) done(got); };
      const ws = new WebSocket(victim.replace('http://', 'ws://') + '/api/kernels/' + kernelId
          + '/channels?session_id=evil');
      ws.onopen = () => { got.websocket = 'open'; ws.close(); finish(); };
      ws.onerror = () => { got.websocket = 'refused'; finish(); };
      fetch(victim + '/api/contents', {credentials: 'include'})
        .then(r => r.text()).then(() => { got.read = 'read'; finish(); })
        .catch(() => { got.read = 'blocked'; finish(); });
      fetch(victim + '/api/contents', {method: 'POST', mode: 'no-cors', credentials: 'include',
          headers: {'Content-Type': 'text/plain'}, body: '{"type": "file"}'})
        .then(() => { got.post = 'sent'; finish(); })
        .catch(() => { got.post = 'failed'; finish(); });
      """;

  private final HttpServer server;

  private EvilPage(HttpServer server) {
    this.server = server;
  }

  static EvilPage start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] page =
          "<!DOCTYPE html><html><head><title>Cute cats</title></head><body>cats</body></html>"
              .getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
          });
      server.start();
      return new EvilPage(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://ws-000000000000.localhost:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
