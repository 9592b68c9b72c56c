package org.workspaceportal.gateway;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.reactive.StandardReactiveWebEnvironment;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the gateway's server with the portal: a reactive (Netty) server in a context of
 * its own beside the portal's, on a port of its own. A context of its own because the portal's
 * pages and API run on the servlet stack, and Spring Cloud Gateway's WebFlux server is the one that
 * proxies WebSockets (its servlet variant does not). The gateway's context gets the portal's
 * settings and the beans it needs (its access checks, origins, settings and open WebSockets); the
 * portal sees none of its beans.
 *
 * <p>A hostile tenant and this listener: her containers reach the host's own addresses, so where
 * {@code portal.gateway.address} is empty she can connect to it like anyone on the network. What it
 * answers without a valid workspace cookie is a redirect to the portal's sign-in or a 401/404; a
 * cookie opens only the workspace it was issued for, to its owner, and her own notebook never sees
 * one (the gateway takes it off what it forwards). Bind it to the portal-facing address to keep her
 * off the port altogether, as the tests do ({@code HostileTenantTest}).
 *
 * <p>Sessions and tickets live in PostgreSQL, so a second portal instance's gateway serves the same
 * browsers, and a restart cuts no kernel: Jupyter's kernels run in the workspace, the browser
 * reconnects its WebSockets, and its cookie is still good.
 */
@Component
class GatewayServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);

  private final String portalId;
  private final ConfigurableEnvironment portalEnvironment;
  private final GatewayProperties properties;
  private final WorkspaceOrigins origins;
  private final GatewayAccess access;
  private final OpenWebSockets webSockets;
  private volatile AnnotationConfigReactiveWebServerApplicationContext gateway;

  GatewayServer(
      ApplicationContext portal,
      ConfigurableEnvironment portalEnvironment,
      GatewayProperties properties,
      WorkspaceOrigins origins,
      GatewayAccess access,
      OpenWebSockets webSockets) {
    this.portalId = portal.getId();
    this.portalEnvironment = portalEnvironment;
    this.properties = properties;
    this.origins = origins;
    this.access = access;
    this.webSockets = webSockets;
  }

  /** The largest WebSocket frame the gateway passes either way (64 MiB). */
  static final int MAX_WEBSOCKET_FRAME_BYTES = 64 * 1024 * 1024;

  @Override
  public void start() {
    if (!properties.enabled()) {
      log.info("The workspace gateway is off (portal.gateway.enabled=false)");
      return;
    }
    AnnotationConfigReactiveWebServerApplicationContext context =
        new AnnotationConfigReactiveWebServerApplicationContext();
    StandardReactiveWebEnvironment environment = new StandardReactiveWebEnvironment();
    Map<String, Object> own = new HashMap<>();
    own.put("server.port", properties.port());
    if (!properties.address().isBlank()) {
      own.put("server.address", properties.address());
    }
    // TLS ends in front of the gateway (a wildcard certificate for *.<domain>), not here
    own.put("server.ssl.enabled", false);
    own.put("spring.cloud.gateway.server.webflux.enabled", true);
    // A notebook's output is one kernel message, often megabytes (a plot, a wide table, a long
    // print): Reactor Netty's default 64 KiB frame would cut the kernel's WebSocket at the first
    // one, both ways. Jupyter's own limits (its output rate, its message size) stay the guard.
    own.put(
        "spring.cloud.gateway.server.webflux.httpclient.websocket.max-frame-payload-length",
        MAX_WEBSOCKET_FRAME_BYTES);
    own.put(GatewayAutoConfigurationFilter.MARKER, true);
    environment.getPropertySources().addFirst(new MapPropertySource("portal-gateway", own));
    // the portal's settings after ours (not the portal as parent context: WebFlux refuses to start
    // where it sees Spring MVC's beans, and a parent's beans are seen)
    portalEnvironment.getPropertySources().forEach(environment.getPropertySources()::addLast);
    context.setEnvironment(environment);
    context.setId(portalId + "-gateway");
    // the only beans of the portal the gateway uses
    context.getBeanFactory().registerSingleton("gatewayAccess", access);
    context.getBeanFactory().registerSingleton("workspaceOrigins", origins);
    context.getBeanFactory().registerSingleton("portalGatewayProperties", properties);
    context.getBeanFactory().registerSingleton("openWebSockets", webSockets);
    context.register(GatewayServerConfiguration.class);
    context.refresh();
    gateway = context;
    int port = context.getWebServer().getPort();
    origins.bound(port);
    log.info(
        "Workspace gateway on port {}: workspaces open at {}",
        port,
        origins.origin("0123456789ab").replace("0123456789ab", "<12 hex>"));
  }

  @Override
  public void stop() {
    AnnotationConfigReactiveWebServerApplicationContext context = gateway;
    gateway = null;
    if (context != null) {
      context.close();
    }
  }

  @Override
  public boolean isRunning() {
    return gateway != null;
  }
}
