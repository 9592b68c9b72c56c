package org.workspaceportal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small client for the portal's REST API over real HTTP (JDK HttpClient, HTTP/1.1, no redirects),
 * so tests see real status codes and headers. It talks to 127.0.0.1 so that audit rows show that
 * address.
 */
public final class HttpApi {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  public HttpApi(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Reply get(String path, Auth auth) {
    return send("GET", path, auth, BodyPublishers.noBody(), null);
  }

  /** A GET as curl sends it ({@code Accept: *}{@code /*}), e.g. for the Prometheus text format. */
  public Reply getAnything(String path, Auth auth) {
    return send("GET", path, auth, BodyPublishers.noBody(), null, "*/*");
  }

  /**
   * Signs in on the login page as a browser does (GET the form for its CSRF token, POST it) and
   * returns the session.
   */
  public Auth signIn(String username, String password) {
    Reply form = getHtml("/login", Auth.NONE);
    String cookie = sessionCookie(form);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on the login page: " + form);
    }
    String body =
        "username="
            + encode(username)
            + "&password="
            + encode(password)
            + "&_csrf="
            + encode(csrf.group(1));
    Reply posted =
        send(
            "POST",
            "/login",
            Auth.session(cookie),
            BodyPublishers.ofString(body),
            "application/x-www-form-urlencoded",
            "text/html");
    String renewed = sessionCookie(posted);
    return Auth.session(renewed != null ? renewed : cookie);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code JSESSIONID=...} from a reply's Set-Cookie, or null. */
  public static String sessionCookie(Reply reply) {
    return reply.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  /** A GET that accepts only {@code accept}. */
  public Reply getAccepting(String path, Auth auth, String accept) {
    return send("GET", path, auth, BodyPublishers.noBody(), null, accept);
  }

  /** A GET as a browser sends it ({@code Accept: text/html}). */
  public Reply getHtml(String path, Auth auth) {
    return send(
        "GET", path, auth, BodyPublishers.noBody(), null, "text/html,application/xhtml+xml");
  }

  public Reply delete(String path, Auth auth) {
    return send("DELETE", path, auth, BodyPublishers.noBody(), null);
  }

  public Reply post(String path, Auth auth, Object body) {
    return sendJson("POST", path, auth, body);
  }

  public Reply patch(String path, Auth auth, Object body) {
    return sendJson("PATCH", path, auth, body);
  }

  /**
   * Sends {@code body} as JSON: a String is sent as it is (so tests can send broken JSON), anything
   * else is serialised.
   */
  public Reply sendJson(String method, String path, Auth auth, Object body) {
    String text = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(
        method,
        path,
        auth,
        BodyPublishers.ofString(text, StandardCharsets.UTF_8),
        "application/json");
  }

  /** Sends the bytes without a Content-Length, i.e. with {@code Transfer-Encoding: chunked}. */
  public Reply postChunked(String path, Auth auth, byte[] body) {
    return send(
        "POST",
        path,
        auth,
        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
        "application/json");
  }

  public Reply send(String method, String path, Auth auth, BodyPublisher body, String contentType) {
    return send(
        method, path, auth, body, contentType, "application/json, application/problem+json");
  }

  private Reply send(
      String method,
      String path,
      Auth auth,
      BodyPublisher body,
      String contentType,
      String accept) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
    request.header("Accept", accept);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (auth.isSession()) {
      request.header("Cookie", auth.credentials());
    } else {
      auth.header().ifPresent(h -> request.header("Authorization", h));
    }
    try {
      var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How a request authenticates. */
  public record Auth(String scheme, String credentials) {

    public static final Auth NONE = new Auth(null, null);

    public static Auth bearer(String token) {
      return new Auth("Bearer", token);
    }

    public static Auth basic(String username, String password) {
      return new Auth(
          "Basic",
          Base64.getEncoder()
              .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** A browser's signed-in session: its cookie, as {@link HttpApi#signIn} got it. */
    public static Auth session(String cookie) {
      return new Auth("Cookie", cookie);
    }

    boolean isSession() {
      return "Cookie".equals(scheme);
    }

    Optional<String> header() {
      return scheme == null ? Optional.empty() : Optional.of(scheme + " " + credentials);
    }

    @Override
    public String toString() {
      return scheme == null ? "anonymous" : scheme;
    }
  }

  /** A response as the test needs it. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("Content-Type");
    }

    /** The problem {@code type} without the common base, e.g. {@code quota-exceeded}. */
    public String problemType() {
      return json().path("type").asString().replace("https://workspace-portal.dev/problems/", "");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
