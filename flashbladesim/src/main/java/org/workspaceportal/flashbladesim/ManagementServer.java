package org.workspaceportal.flashbladesim;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/** The HTTPS listener of the management API, on loopback unless the settings say otherwise. */
final class ManagementServer implements AutoCloseable {

  private final HttpsServer server;
  private final ExecutorService executor;
  private final String localAddress;

  private ManagementServer(HttpsServer server, ExecutorService executor, String localAddress) {
    this.server = server;
    this.executor = executor;
    this.localAddress = localAddress;
  }

  static ManagementServer start(SimulatorSettings settings, SSLContext tls, HttpHandler handler) {
    int port = settings.managementPort();
    try {
      HttpsServer server =
          HttpsServer.create(new InetSocketAddress(settings.listenAddress(), port), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(tls));
      // virtual threads: a CallInterceptor that blocks (a test's latency) must not starve the
      // other calls of threads
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
      return new ManagementServer(server, executor, settings.localAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start the simulator's management API on port " + port, e);
    }
  }

  URI uri() {
    return URI.create("https://" + localAddress + ":" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
