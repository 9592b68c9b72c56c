package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A simulator that others reach over a network (the flashbladesim service of docker compose):
 * listening on every address, under a name its certificate carries.
 */
class NetworkSettingsTest {

  @Test
  void boundToEveryAddressItAnswersOnLoopbackAndItsCertificateNamesTheGivenHosts()
      throws Exception {
    var settings =
        SimulatorSettings.inMemory().withNetwork("0.0.0.0", List.of("flashbladesim", "10.9.8.7"));
    try (var simulator = FlashBladeSimulator.start(settings)) {
      var api = SimulatorFixtures.loggedIn(simulator);
      var tenant = SimulatorFixtures.tenant(api);

      assertThat(simulator.managementUri().getHost()).isEqualTo("127.0.0.1");
      assertThat(subjectNames(simulator))
          .containsExactlyInAnyOrder("127.0.0.1", "localhost", "flashbladesim", "10.9.8.7");
      try (S3Client s3 =
          S3Clients.forKey(simulator.s3Endpoint(), tenant.accessKeyId(), tenant.secret())) {
        assertThat(s3.listBuckets().buckets()).hasSize(1);
      }
    }
  }

  @Test
  void onlyAnAddressCanBeBound() {
    assertThatThrownBy(() -> SimulatorSettings.inMemory().withNetwork("flashbladesim", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("IP address");
  }

  /** The subject alternative names of the certificate the management API presents. */
  private static List<String> subjectNames(FlashBladeSimulator simulator) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .sslContext(SimulatorClient.trusting(simulator.caCertificate()))
            .build();
    HttpResponse<String> reply =
        http.send(
            HttpRequest.newBuilder(simulator.managementUri().resolve("/api/api_version")).build(),
            HttpResponse.BodyHandlers.ofString());
    SSLSession session = reply.sslSession().orElseThrow();
    var certificate = (X509Certificate) session.getPeerCertificates()[0];
    return certificate.getSubjectAlternativeNames().stream()
        .map(name -> (String) name.get(1))
        .toList();
  }
}
