package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery against a small HTTP server standing in for the provider's discovery endpoint (a real
 * socket and real JSON; the clock is the test's): a provider that is down is asked again only after
 * {@code discovery-retry}, and a provider that comes back is used from then on.
 */
class SsoRegistrationsTest {

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicBoolean up = new AtomicBoolean();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private String issuer;

  @BeforeEach
  void startProvider() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/data";
    server.createContext(
        "/realms/data/.well-known/openid-configuration",
        exchange -> {
          requests.incrementAndGet();
          byte[] body =
              up.get()
                  ? ("{\"issuer\":\""
                          + issuer
                          + "\",\"authorization_endpoint\":\""
                          + issuer
                          + "/auth\",\"token_endpoint\":\""
                          + issuer
                          + "/token\",\"jwks_uri\":\""
                          + issuer
                          + "/certs\",\"response_types_supported\":[\"code\"],"
                          + "\"subject_types_supported\":[\"public\"],"
                          + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}")
                      .getBytes(StandardCharsets.UTF_8)
                  : "down for maintenance".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(up.get() ? 200 : 503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stopProvider() {
    server.stop(0);
  }

  @Test
  void aProviderThatIsDownIsAskedAgainOnlyAfterTheRetryPeriodAndUsedOnceItAnswers() {
    SsoRegistrations registrations = new SsoRegistrations(properties(), now::get);

    assertThat(registrations.findByRegistrationId(SsoRegistrations.ID)).isNull();
    assertThat(registrations.problem()).contains("answered 503");
    assertThat(requests).hasValue(1);

    now.addAndGet(Duration.ofSeconds(29).toNanos());
    up.set(true);
    assertThat(registrations.findByRegistrationId(SsoRegistrations.ID))
        .as("within the retry period the remembered failure is the answer")
        .isNull();
    assertThat(registrations.problem()).contains("answered 503");
    assertThat(requests).as("no request to the provider within the retry period").hasValue(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(registrations.findByRegistrationId(SsoRegistrations.ID))
        .isNotNull()
        .satisfies(
            r -> assertThat(r.getProviderDetails().getTokenUri()).isEqualTo(issuer + "/token"));
    assertThat(registrations.problem()).isNull();
    assertThat(requests).hasValue(2);

    up.set(false);
    now.addAndGet(Duration.ofMinutes(5).toNanos());
    assertThat(registrations.findByRegistrationId(SsoRegistrations.ID))
        .as("once discovered, the registration is kept")
        .isNotNull();
    assertThat(requests).hasValue(2);
    assertThat(registrations.findByRegistrationId("another")).isNull();
  }

  private SsoProperties properties() {
    return new SsoProperties(
        true,
        URI.create(issuer),
        "portal",
        "portal-secret",
        Set.of("profile"),
        "preferred_username",
        "name",
        "email",
        "groups",
        List.of(),
        "Sign in",
        true,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        false,
        null);
  }
}
