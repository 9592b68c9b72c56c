package org.workspaceportal.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.gateway.config.GatewayAutoConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.server.WebSocketService;

/**
 * The gateway's own context (beside the portal's, see {@link GatewayServer}): Netty, WebFlux and
 * Spring Cloud Gateway with one route that takes every request to a workspace's origin, and the one
 * page of the gateway's own, where a ticket becomes the origin's cookie.
 */
// Not a @Configuration: the portal's component scan must not pick it up; GatewayServer registers it
// in the gateway's context only.
@ImportAutoConfiguration({
  SslAutoConfiguration.class,
  JacksonAutoConfiguration.class,
  NettyReactiveWebServerAutoConfiguration.class,
  CodecsAutoConfiguration.class,
  WebFluxAutoConfiguration.class,
  HttpHandlerAutoConfiguration.class,
  GatewayAutoConfiguration.class
})
class GatewayServerConfiguration {

  /**
   * After Spring Cloud Gateway's RouteToRequestUrlFilter (10000), which would overwrite the URL.
   */
  static final int FORWARDING_ORDER = 10_001;

  /** Spring Cloud Gateway's WebSocket service, with the relayed WebSockets kept track of. */
  @Bean
  static BeanPostProcessor revocableWebSockets(ObjectProvider<OpenWebSockets> webSockets) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof WebSocketService service
            ? webSockets.getObject().around(service)
            : bean;
      }
    };
  }

  @Bean
  WorkspaceForwarding workspaceForwarding(
      GatewayAccess access, WorkspaceOrigins origins, GatewayProperties properties) {
    return new WorkspaceForwarding(access, origins, properties);
  }

  @Bean
  RouteLocator workspaceRoutes(RouteLocatorBuilder routes, WorkspaceForwarding forwarding) {
    // the URI is a placeholder: WorkspaceForwarding sets each request's upstream
    return routes
        .routes()
        .route(
            "workspaces",
            r ->
                r.path("/**")
                    .filters(f -> f.filter(forwarding, FORWARDING_ORDER))
                    .uri("http://workspace.invalid"))
        .build();
  }

  @Bean
  RouterFunction<ServerResponse> gatewayEnter(WorkspaceForwarding forwarding) {
    return RouterFunctions.route(GET(WorkspaceForwarding.ENTER_PATH), forwarding::enter);
  }
}
