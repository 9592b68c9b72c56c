package org.workspaceportal.storage.flashblade;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the portal reaches one FlashBlade (REST 2.x management API and its S3/NFS data side).
 *
 * @param url management URI (https), e.g. {@code https://flashblade-mgmt.example.com}; when unset
 *     no FlashBlade adapter is created (the embedded default and the tests set it to the
 *     simulator's URI)
 * @param apiToken API token of an array user allowed to manage object store and file systems; a
 *     secret: never logged and masked in {@link #toString()}; required when {@code url} is set
 * @param caCertificate PEM bundle of the CA certificates (or the self-signed certificate) of the
 *     management interface; when set, ONLY these are trusted; when unset the JVM's trust store is
 *     used
 * @param insecureSkipTlsVerify accept any certificate and host name on the management interface: an
 *     explicit opt-in for lab arrays with self-signed certificates, logged as a warning at start
 * @param dataEndpoint S3 endpoint to hand to clients instead of the discovered data VIP, e.g.
 *     {@code http://10.0.0.5} (its host is then also the NFS server address)
 * @param dataScheme scheme of the S3 endpoint built from a discovered data VIP: {@code http} or
 *     {@code https}
 * @param connectTimeout how long to wait for a TCP/TLS connection to the management interface
 * @param readTimeout how long to wait for each read of an answer (and for the whole call at most
 *     twice that, plus the connect timeout)
 * @param nfsRule NFS export rule of new file systems ({@code client(options)}); restrict the client
 *     to the Docker hosts' subnet where possible
 * @param bucketQuotaBytes hard quota of new buckets when the caller asks for none; unset means
 *     unlimited (needs REST 2.8 or later on the array)
 * @param datahubBytes provisioned size of a new NFS file system when the caller gives no positive
 *     size
 * @param fileSystemBindRoot for the FlashBlade simulator only (which sets it): a folder holding a
 *     folder per file system, which containers bind-mount instead of mounting NFS; unset on a real
 *     array, whose file systems are mounted over NFS from its data VIP
 * @param eradicationDelay how long the array keeps a destroyed bucket or file system before it
 *     erases it (the array's own eradication delay, 24 hours unless a storage admin changed it; set
 *     it to the array's value): a deleted workspace's page says until when its data can be
 *     recovered
 */
@Validated
@ConfigurationProperties("portal.storage.flashblade")
record FlashBladeProperties(
    URI url,
    String apiToken,
    Path caCertificate,
    @DefaultValue("false") boolean insecureSkipTlsVerify,
    URI dataEndpoint,
    @DefaultValue("http") @NotNull @Pattern(regexp = "https?") String dataScheme,
    @DefaultValue("10s") @NotNull Duration connectTimeout,
    @DefaultValue("60s") @NotNull Duration readTimeout,
    @DefaultValue("*(rw,no_root_squash)") @NotBlank String nfsRule,
    @Positive Long bucketQuotaBytes,
    @DefaultValue("1099511627776") @Positive long datahubBytes,
    Path fileSystemBindRoot,
    @DefaultValue("24h") @NotNull Duration eradicationDelay) {

  /** A secret-free rendering: configuration dumps and failure analyzers print this. */
  @Override
  public String toString() {
    return "FlashBladeProperties[url="
        + url
        + ", apiToken="
        + (apiToken == null ? "null" : "****")
        + ", caCertificate="
        + caCertificate
        + ", insecureSkipTlsVerify="
        + insecureSkipTlsVerify
        + ", dataEndpoint="
        + dataEndpoint
        + ", dataScheme="
        + dataScheme
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", nfsRule="
        + nfsRule
        + ", bucketQuotaBytes="
        + bucketQuotaBytes
        + ", datahubBytes="
        + datahubBytes
        + ", fileSystemBindRoot="
        + fileSystemBindRoot
        + ", eradicationDelay="
        + eradicationDelay
        + "]";
  }

  /** The token is only needed when the adapter is on, so the check spans two fields. */
  @AssertTrue(
      message =
          "portal.storage.flashblade.api-token must be set when portal.storage.flashblade.url is")
  boolean isApiTokenPresentWhenUrlIs() {
    return url == null || (apiToken != null && !apiToken.isBlank());
  }

  /** The API token travels in a header, so plain HTTP is refused. */
  @AssertTrue(message = "portal.storage.flashblade.url must be an https URI with a host")
  boolean isUrlHttps() {
    return url == null || (url.getHost() != null && "https".equals(url.getScheme()));
  }

  /** Both at once would leave it unclear whether the CA bundle is meant to be enforced. */
  @AssertTrue(
      message =
          "portal.storage.flashblade.ca-certificate and insecure-skip-tls-verify=true exclude each"
              + " other")
  boolean isTrustUnambiguous() {
    return caCertificate == null || !insecureSkipTlsVerify;
  }

  @AssertTrue(
      message = "portal.storage.flashblade.connect-timeout and read-timeout must be positive")
  boolean isTimeoutsPositive() {
    return connectTimeout == null
        || readTimeout == null
        || (connectTimeout.isPositive() && readTimeout.isPositive());
  }

  @AssertTrue(message = "portal.storage.flashblade.eradication-delay must be positive")
  boolean isEradicationDelayPositive() {
    return eradicationDelay == null || eradicationDelay.isPositive();
  }
}
