package org.workspaceportal.storage.flashblade;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Properties and adapters for the FlashBlade tests: short timeouts so that failures are quick. */
final class FlashBladeFixtures {

  static final String API_TOKEN = "T-test-api-token";

  private FlashBladeFixtures() {}

  static FlashBladeProperties properties(URI url, String apiToken, Path caCertificate) {
    return new FlashBladeProperties(
        url,
        apiToken,
        caCertificate,
        false,
        null,
        "http",
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        "*(rw,no_root_squash)",
        null,
        1L << 40,
        null,
        Duration.ofHours(24));
  }

  static FlashBladeProperties withReadTimeout(FlashBladeProperties p, Duration readTimeout) {
    return new FlashBladeProperties(
        p.url(),
        p.apiToken(),
        p.caCertificate(),
        p.insecureSkipTlsVerify(),
        p.dataEndpoint(),
        p.dataScheme(),
        p.connectTimeout(),
        readTimeout,
        p.nfsRule(),
        p.bucketQuotaBytes(),
        p.datahubBytes(),
        p.fileSystemBindRoot(),
        p.eradicationDelay());
  }

  static FlashBladeProperties withDataEndpoint(FlashBladeProperties p, URI dataEndpoint) {
    return new FlashBladeProperties(
        p.url(),
        p.apiToken(),
        p.caCertificate(),
        p.insecureSkipTlsVerify(),
        dataEndpoint,
        p.dataScheme(),
        p.connectTimeout(),
        p.readTimeout(),
        p.nfsRule(),
        p.bucketQuotaBytes(),
        p.datahubBytes(),
        p.fileSystemBindRoot(),
        p.eradicationDelay());
  }

  static FlashBladeProperties insecure(FlashBladeProperties p) {
    return new FlashBladeProperties(
        p.url(),
        p.apiToken(),
        null,
        true,
        p.dataEndpoint(),
        p.dataScheme(),
        p.connectTimeout(),
        p.readTimeout(),
        p.nfsRule(),
        p.bucketQuotaBytes(),
        p.datahubBytes(),
        p.fileSystemBindRoot(),
        p.eradicationDelay());
  }
}
