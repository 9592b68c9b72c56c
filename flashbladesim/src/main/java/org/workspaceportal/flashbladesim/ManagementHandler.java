package org.workspaceportal.flashbladesim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The front door of the management API: request IDs, the {@link CallInterceptor}, authentication,
 * routing to the resource collections, error bodies and the call log.
 */
final class ManagementHandler implements HttpHandler {

  private static final Logger log = LoggerFactory.getLogger(ManagementHandler.class);

  private final Map<String, ApiResource> resources;
  private final RestVersions versions;
  private final LoginEndpoints login;
  private final SessionRegistry sessions;
  private volatile CallInterceptor interceptor = CallInterceptor.NONE;
  private final CallLog calls;
  private final JsonMapper json;
  private final Clock clock;

  ManagementHandler(
      Map<String, ApiResource> resources,
      RestVersions versions,
      LoginEndpoints login,
      SessionRegistry sessions,
      CallLog calls,
      JsonMapper json,
      Clock clock) {
    this.resources = Map.copyOf(resources);
    this.versions = versions;
    this.login = login;
    this.sessions = sessions;
    this.calls = calls;
    this.json = json;
    this.clock = clock;
  }

  void intercept(CallInterceptor newInterceptor) {
    interceptor = newInterceptor == null ? CallInterceptor.NONE : newInterceptor;
  }

  CallInterceptor interceptor() {
    return interceptor;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = requestId(exchange);
      String method = exchange.getRequestMethod();
      var target = ApiPath.parse(exchange.getRequestURI().getRawPath());
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      ApiResponse response = answer(exchange, method, target, body);
      // recorded before the answer leaves, so a test that got its response sees the call
      calls.record(
          new ApiCall(
              clock.instant(),
              method,
              target.fullPath(),
              target.resource(),
              exchange.getRequestURI().getRawQuery(),
              response.status(),
              requestId));
      write(exchange, response, requestId);
    }
  }

  private ApiResponse answer(HttpExchange exchange, String method, ApiPath target, byte[] body) {
    try {
      // one interceptor for the whole call, even if another is installed meanwhile
      CallInterceptor current = interceptor;
      OptionalInt before = current.before(method, target.fullPath(), target.versionedPath());
      if (before.isPresent()) {
        return ErrorAnswers.response(before.getAsInt());
      }
      ApiResponse response = dispatch(exchange, method, target, body);
      OptionalInt after = current.after(method, target.fullPath(), target.versionedPath());
      return after.isPresent() ? ErrorAnswers.response(after.getAsInt()) : response;
    } catch (ApiException e) {
      return ApiResponse.errors(e.status(), e.errors());
    } catch (RuntimeException e) {
      log.warn("Simulator failed on {} {}", method, target.fullPath(), e);
      return ApiResponse.errors(500, List.of(new ApiError(null, "Internal error.")));
    }
  }

  private ApiResponse dispatch(HttpExchange exchange, String method, ApiPath target, byte[] body) {
    switch (target.resource()) {
      case ApiPath.API_VERSION:
        requireMethod(method, "GET", target);
        return ApiResponse.ok(Map.of("versions", versions.all()));
      case ApiPath.LOGIN:
        requireMethod(method, "POST", target);
        return login.login(exchange.getRequestHeaders().getFirst("api-token"));
      case ApiPath.LOGOUT:
        requireMethod(method, "POST", target);
        return login.logout(exchange.getRequestHeaders().getFirst("x-auth-token"));
      default:
        return dispatchVersioned(exchange, method, target, body);
    }
  }

  private ApiResponse dispatchVersioned(
      HttpExchange exchange, String method, ApiPath target, byte[] body) {
    if (target.version() == null) {
      throw ApiException.notFound("Not found.");
    }
    int minor = versions.resolve(target.version());
    if (minor < 0) {
      String why =
          versions.isListed1x(target.version())
              ? "REST 1.x is not served by this simulator; use a 2.x version."
              : "Unsupported API version " + target.version() + ".";
      throw ApiException.notFound(why);
    }
    if (!sessions.touch(exchange.getRequestHeaders().getFirst("x-auth-token"))) {
      throw new ApiException(401, List.of(new ApiError(null, "Invalid session.")));
    }
    ApiResource resource = resources.get(target.resource());
    if (resource == null) {
      throw ApiException.notFound("Resource " + target.versionedPath() + " not found.");
    }
    var request =
        new ApiRequest(
            method,
            target.resource(),
            minor,
            ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
            body,
            json);
    return switch (method) {
      case "GET" -> resource.get(request);
      case "POST" -> resource.post(request);
      case "PATCH" -> resource.patch(request);
      case "DELETE" -> resource.delete(request);
      default -> throw new ApiException(405, List.of(new ApiError(null, "Method not allowed.")));
    };
  }

  private static void requireMethod(String method, String expected, ApiPath target) {
    if (!method.equals(expected)) {
      throw new ApiException(
          405,
          List.of(
              new ApiError(
                  null, "Method " + method + " is not allowed on " + target.fullPath() + ".")));
    }
  }

  private void write(HttpExchange exchange, ApiResponse response, String requestId)
      throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("X-Request-ID", requestId);
    headers.set("X-RateLimit-Limit-second", "100");
    headers.set("X-RateLimit-Limit-minute", "3000");
    response.headers().forEach(headers::set);
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    byte[] bytes = json.writeValueAsBytes(response.body());
    headers.set("Content-Type", "application/json");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String requestId(HttpExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst("X-Request-ID");
    return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
  }
}
