package org.workspaceportal.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project's OIDC provider (the {@code oidcprovider} module: Spring Authorization Server) as a
 * process of its own, started from its runnable jar, which the portal's tests have on their class
 * path as a test dependency. A real provider: discovery, the authorization code flow with its own
 * sign-in form, signed ID tokens, RP-initiated logout. Its settings go in {@code
 * SPRING_APPLICATION_JSON}; its log is in {@code target/portal-processes}.
 */
public final class OidcProviderProcess implements AutoCloseable {

  private final JavaProcess process;
  private final int port;

  private OidcProviderProcess(JavaProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the provider on {@code port} of 127.0.0.1 with {@code settings} (its {@code provider.*}
   * users, its client's redirect URIs) and returns once its discovery document answers.
   */
  public static OidcProviderProcess start(
      String name, int port, Map<String, Object> settings, Duration timeout) {
    JavaProcess process =
        JavaProcess.start(
            name,
            "the OIDC provider " + name + " (port " + port + ")",
            List.of(
                "-XX:TieredStopAtLevel=1",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-jar",
                jar().toString(),
                "--server.port=" + port),
            settings,
            URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration"),
            timeout);
    return new OidcProviderProcess(process, port);
  }

  /** The issuer, as its tokens name it. */
  public String issuer() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * An access token as a script gets one from the provider (the authorization code flow, by hand):
   * signed in at the provider, the code for {@code clientId} (sent to {@code redirect}, one of its
   * registered redirect URIs, which nothing needs to answer), exchanged with its secret.
   */
  public String accessToken(
      String username, String password, String clientId, String clientSecret, String redirect) {
    try {
      HttpClient http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String loginPage =
          http.send(
                  HttpRequest.newBuilder(URI.create(issuer() + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher csrf =
          Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginPage);
      if (!csrf.find()) {
        throw new IllegalStateException(
            "no CSRF token on the provider's login page:\n" + loginPage);
      }
      http.send(
          HttpRequest.newBuilder(URI.create(issuer() + "/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      form(
                          Map.of(
                              "username", username, "password", password, "_csrf", csrf.group(1)))))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      // PKCE, as the provider asks of every client (RFC 7636)
      byte[] random = new byte[32];
      new java.security.SecureRandom().nextBytes(random);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      String challenge =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(
                  java.security.MessageDigest.getInstance("SHA-256")
                      .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
      HttpResponse<Void> authorized =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          issuer()
                              + "/oauth2/authorize?"
                              + form(
                                  Map.of(
                                      "response_type", "code",
                                      "client_id", clientId,
                                      "scope", "openid",
                                      "state", "script",
                                      "code_challenge", challenge,
                                      "code_challenge_method", "S256",
                                      "redirect_uri", redirect))))
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      String location = authorized.headers().firstValue("Location").orElseThrow();
      Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
      if (!code.find()) {
        throw new IllegalStateException("the provider gave no code: " + location);
      }
      HttpResponse<String> token =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          form(
                              Map.of(
                                  "grant_type",
                                  "authorization_code",
                                  "code",
                                  URLDecoder.decode(code.group(1), StandardCharsets.UTF_8),
                                  "code_verifier",
                                  verifier,
                                  "redirect_uri",
                                  redirect))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (token.statusCode() != 200) {
        throw new IllegalStateException("the provider's token endpoint answered " + token.body());
      }
      return JsonMapper.builder().build().readTree(token.body()).path("access_token").asString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public String logTail() {
    return process.logTail(40);
  }

  @Override
  public void close() {
    process.close();
  }

  /** The provider's runnable jar: the portal's test dependency on it (classifier {@code exec}). */
  private static Path jar() {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.getFileName().toString().matches("oidcprovider-.*-exec\\.jar"))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no oidcprovider-*-exec.jar on the test class path: build with ./mvnw verify"
                        + " (the provider module packages it)"));
  }
}
