package org.workspaceportal.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.workspaceportal.compute.GatewaySignature;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every request to a workspace's origin: the origin's cookie is checked (a browser without one goes
 * to the portal's sign-in and comes back), a state-changing request or a WebSocket must come from
 * the origin itself, and the request goes on to the workspace's Jupyter (or, under {@code /spark/},
 * its Spark master UI) with the gateway's short-lived signature instead of the browser's cookie.
 */
final class WorkspaceForwarding implements GatewayFilter {

  /** Where the portal's ticket becomes the origin's cookie. */
  static final String ENTER_PATH = "/_portal/enter";

  /** The header Jupyter's sign-in plug-in (the image's gateway_auth.py) checks. */
  static final String IDENTITY_HEADER = GatewaySignature.HEADER;

  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  /** Jupyter's (Tornado's) XSRF cookie: the one cookie of the browser's that Jupyter gets. */
  static final String XSRF_COOKIE = "_xsrf";

  private final GatewayAccess access;
  private final WorkspaceOrigins origins;
  private final GatewayProperties properties;

  WorkspaceForwarding(
      GatewayAccess access, WorkspaceOrigins origins, GatewayProperties properties) {
    this.access = access;
    this.origins = origins;
    this.properties = properties;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    Optional<String> shortId = origins.shortIdOf(request.getHeaders().getFirst(HttpHeaders.HOST));
    if (shortId.isEmpty()) {
      return plain(exchange, HttpStatus.NOT_FOUND, "There is no workspace at this address.");
    }
    // at most three: each costs a database look-up, and a browser sends one (a sibling origin may
    // have tossed another of the same name at the parent domain)
    List<String> cookies =
        request.getCookies().getOrDefault(properties.cookieName(), List.of()).stream()
            .map(HttpCookie::getValue)
            .limit(3)
            .toList();
    return Mono.fromCallable(() -> pass(cookies, shortId.get()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            pass ->
                pass.isPresent()
                    ? forward(exchange, chain, pass.get(), shortId.get())
                    : signIn(exchange, shortId.get()));
  }

  /**
   * The first cookie that opens this workspace: a sibling origin may have tossed a cookie of the
   * same name at the parent domain; it opens only its own workspace, never this one.
   */
  private Optional<GatewayAccess.Pass> pass(List<String> cookies, String shortId) {
    return cookies.stream()
        .map(value -> access.check(value, shortId))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private Mono<Void> forward(
      ServerWebExchange exchange,
      GatewayFilterChain chain,
      GatewayAccess.Pass pass,
      String shortId) {
    ServerHttpRequest request = exchange.getRequest();
    boolean webSocket = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    if (webSocket || !SAFE.contains(request.getMethod())) {
      // Jupyter's XSRF check covers forms and fetches; this also covers WebSockets (kernels,
      // terminals), which a page of another workspace's origin could otherwise open with this
      // origin's cookie: the same site, to a browser
      String expected =
          properties.scheme() + "://" + request.getHeaders().getFirst(HttpHeaders.HOST);
      String origin = request.getHeaders().getOrigin();
      if (origin == null || !origin.equalsIgnoreCase(expected)) {
        return plain(
            exchange,
            HttpStatus.FORBIDDEN,
            "Refused: this request did not come from this workspace's pages.");
      }
    }
    if (!pass.door().open()) {
      return SAFE.contains(request.getMethod()) && !webSocket
          ? toPortal(exchange, shortId, pathAndQuery(request))
          : plain(exchange, HttpStatus.SERVICE_UNAVAILABLE, "The workspace is not running.");
    }
    String path = request.getURI().getRawPath();
    String query = request.getURI().getRawQuery();
    String sparkRoot = WorkspaceOrigins.SPARK_PREFIX + "/";
    boolean spark = path.startsWith(sparkRoot);
    if (path.equals(WorkspaceOrigins.SPARK_PREFIX)) {
      return redirect(exchange, sparkRoot);
    }
    String upstream =
        spark
            ? pass.door().sparkUi() + path.substring(sparkRoot.length())
            : pass.door().jupyter() + path.substring(1);
    exchange
        .getAttributes()
        .put(GATEWAY_REQUEST_URL_ATTR, URI.create(upstream + (query == null ? "" : "?" + query)));
    if (webSocket) {
      // kept track of while open: a sign-out or a disabled user closes it (OpenWebSockets)
      exchange
          .getAttributes()
          .put(OpenWebSockets.SESSION_KEY, HexFormat.of().formatHex(pass.sessionHash()));
      exchange.getAttributes().put(OpenWebSockets.USER, pass.username());
    }
    String origin = properties.scheme() + "://" + request.getHeaders().getFirst(HttpHeaders.HOST);
    String jupyterOrigin = stripSlash(pass.door().jupyter());
    ServerHttpRequest forwarded =
        request
            .mutate()
            .headers(
                headers -> {
                  // Jupyter serves /files/ (downloads) only to a Referer on its own host: a page
                  // of this origin is one, so its Referer names the host Jupyter sees; any other
                  // Referer (another site's page) goes, and Jupyter refuses as it should
                  String referer = headers.getFirst(HttpHeaders.REFERER);
                  headers.remove(HttpHeaders.REFERER);
                  if (!spark
                      && referer != null
                      && (referer.equals(origin) || referer.startsWith(origin + "/"))) {
                    headers.set(
                        HttpHeaders.REFERER, jupyterOrigin + referer.substring(origin.length()));
                  }
                  headers.remove(IDENTITY_HEADER); // never the browser's own
                  // checked above; Jupyter would compare it with the upstream's Host and refuse
                  headers.remove(HttpHeaders.ORIGIN);
                  // Jupyter gets its XSRF cookie and nothing else of the browser's (not the
                  // gateway's cookie, not a parent domain's); the Spark UIs get none
                  String cookie = spark ? "" : jupytersCookies(headers.get(HttpHeaders.COOKIE));
                  headers.remove(HttpHeaders.COOKIE);
                  if (!cookie.isEmpty()) {
                    headers.set(HttpHeaders.COOKIE, cookie);
                  }
                  // Jupyter and the master's UI answer only this signature, each with its own key
                  headers.set(
                      IDENTITY_HEADER,
                      GatewaySignature.sign(
                          pass.username(),
                          spark ? pass.door().sparkKey() : pass.door().jupyterKey(),
                          Instant.now()));
                })
            .build();
    // a redirect that names the upstream (Spark's to an application's UI) names this origin instead
    String upstreamBase = spark ? pass.door().sparkUi() : pass.door().jupyter();
    String publicBase = spark ? sparkRoot : "/";
    ServerHttpResponse response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          HttpHeaders out = response.getHeaders();
          String location = out.getFirst(HttpHeaders.LOCATION);
          if (location != null && location.startsWith(upstreamBase)) {
            String rewritten = publicBase + location.substring(upstreamBase.length());
            // never //host or /\host: another site, to a browser
            out.set(
                HttpHeaders.LOCATION,
                rewritten.startsWith("//") || rewritten.startsWith("/\\") ? publicBase : rewritten);
          }
          // the upstream sets Jupyter's XSRF cookie for this origin and nothing else: no cookie
          // for a parent domain, none named like the gateway's
          List<String> setCookies = out.get(HttpHeaders.SET_COOKIE);
          if (setCookies != null) {
            List<String> kept =
                setCookies.stream()
                    .filter(c -> !spark && c.startsWith(XSRF_COOKIE + "="))
                    .filter(c -> !c.toLowerCase(java.util.Locale.ROOT).contains("domain="))
                    .toList();
            out.remove(HttpHeaders.SET_COOKIE);
            if (!kept.isEmpty()) {
              out.put(HttpHeaders.SET_COOKIE, kept);
            }
          }
          return Mono.empty();
        });
    Mono<Void> audit =
        spark
            ? Mono.fromRunnable(() -> access.sparkUiOpened(pass, remoteAddress(exchange)))
                .subscribeOn(Schedulers.boundedElastic())
                .then()
            : Mono.empty();
    return audit.then(chain.filter(exchange.mutate().request(forwarded).build()));
  }

  /**
   * No valid cookie: a page load goes to the portal's sign-in and comes back; anything else 401.
   */
  private Mono<Void> signIn(ServerWebExchange exchange, String shortId) {
    ServerHttpRequest request = exchange.getRequest();
    boolean webSocket = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade());
    if (SAFE.contains(request.getMethod()) && !webSocket) {
      return toPortal(exchange, shortId, pathAndQuery(request));
    }
    return plain(
        exchange,
        HttpStatus.UNAUTHORIZED,
        "Sign in to the Workspace Portal and open the workspace from there.");
  }

  /**
   * {@code GET /_portal/enter?ticket=…&next=…}: the portal's ticket becomes this origin's cookie.
   */
  Mono<ServerResponse> enter(ServerRequest request) {
    Optional<String> shortId = origins.shortIdOf(request.headers().firstHeader(HttpHeaders.HOST));
    if (shortId.isEmpty()) {
      return ServerResponse.notFound().build();
    }
    String ticket = request.queryParam("ticket").orElse(null);
    String next = WorkspaceOrigins.safeNext(request.queryParam("next").orElse(null));
    String remote = request.remoteAddress().map(a -> a.getAddress().getHostAddress()).orElse(null);
    List<String> states =
        request.cookies().getOrDefault(properties.stateCookieName(), List.of()).stream()
            .map(HttpCookie::getValue)
            .limit(3)
            .map(WorkspaceForwarding::stateHash)
            .toList();
    return Mono.fromCallable(() -> access.redeem(ticket, shortId.get(), states, remote))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            session ->
                session.isPresent()
                    ? ServerResponse.status(HttpStatus.FOUND)
                        .location(URI.create(next))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .cookie(
                            ResponseCookie.from(
                                    properties.cookieName(), session.get().cookieValue())
                                .path("/")
                                .httpOnly(true)
                                .secure(properties.secure())
                                .sameSite("Lax")
                                .maxAge(properties.sessionLifetime())
                                .build())
                        .cookie(stateCookie("", Duration.ZERO))
                        .build()
                    : ServerResponse.status(HttpStatus.FORBIDDEN)
                        .contentType(MediaType.TEXT_HTML)
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .bodyValue(expiredTicketPage(next)));
  }

  /**
   * To the portal's open page, which signs in and hands a ticket for this origin. The ticket is
   * bound to a state cookie set here, host-only: it opens this origin only in this browser, so a
   * ticket a tenant got for her own workspace cannot sign a victim's browser into it (a login CSRF
   * that would run her pages in his browser, next to his other workspaces).
   */
  private Mono<Void> toPortal(ServerWebExchange exchange, String shortId, String next) {
    String state = GatewayAccess.randomToken();
    exchange.getResponse().addCookie(stateCookie(state, Duration.ofMinutes(10)));
    return redirect(exchange, origins.portalOpen(shortId, next, stateHash(state)));
  }

  private ResponseCookie stateCookie(String value, Duration lifetime) {
    return ResponseCookie.from(properties.stateCookieName(), value)
        .path("/")
        .httpOnly(true)
        .secure(properties.secure())
        .sameSite("Lax")
        .maxAge(lifetime)
        .build();
  }

  static String stateHash(String state) {
    return HexFormat.of().formatHex(GatewayAccess.hash(state));
  }

  private static String expiredTicketPage(String again) {
    String href = HtmlUtils.htmlEscape(again);
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Workspace Portal</title></head>"
        + "<body style=\"font-family:system-ui,sans-serif;margin:3rem\"><h1>This link was used or has expired</h1>"
        + "<p>Links that open a workspace work once, within a minute.</p>"
        + "<p><a id=\"open-again\" href=\""
        + href
        + "\">Open the workspace again</a></p></body></html>";
  }

  /** Of the browser's cookies, Jupyter's own: its XSRF cookie. */
  static String jupytersCookies(List<String> headers) {
    if (headers == null) {
      return "";
    }
    return headers.stream()
        .flatMap(h -> Stream.of(h.split(";")))
        .map(String::trim)
        .filter(c -> c.startsWith(XSRF_COOKIE + "="))
        .collect(Collectors.joining("; "));
  }

  private static String pathAndQuery(ServerHttpRequest request) {
    String query = request.getURI().getRawQuery();
    return request.getURI().getRawPath() + (query == null ? "" : "?" + query);
  }

  private static String remoteAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? null
        : remote.getAddress().getHostAddress();
  }

  private static Mono<Void> redirect(ServerWebExchange exchange, String location) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.FOUND);
    response.getHeaders().setLocation(URI.create(location));
    response.getHeaders().setCacheControl("no-store");
    return response.setComplete();
  }

  private static Mono<Void> plain(ServerWebExchange exchange, HttpStatus status, String message) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(new MediaType("text", "plain", StandardCharsets.UTF_8));
    return response.writeWith(
        Mono.just(
            response.bufferFactory().wrap((message + "\n").getBytes(StandardCharsets.UTF_8))));
  }

  /** The scheme, host and port of a base URL ({@code http://h:p/} → {@code http://h:p}). */
  static String stripSlash(String baseUrl) {
    java.net.URI uri = java.net.URI.create(baseUrl);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
