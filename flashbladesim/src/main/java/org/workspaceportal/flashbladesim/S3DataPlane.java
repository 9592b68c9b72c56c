package org.workspaceportal.flashbladesim;

import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.blobstore.BlobStore;

/**
 * The S3 endpoint of the simulated array: S3Proxy over HTTP on 127.0.0.1 (or the bind address of
 * the settings), verifying SigV2/SigV4 signatures with the secrets of the access keys created
 * through the management API.
 */
final class S3DataPlane implements AutoCloseable {

  /** Enough for a handful of concurrent test clients and Spark tasks on a 2-core machine. */
  private static final int MAX_THREADS = 32;

  private final S3Proxy proxy;
  private final String localAddress;

  private S3DataPlane(S3Proxy proxy, String localAddress) {
    this.proxy = proxy;
    this.localAddress = localAddress;
  }

  static S3DataPlane start(
      SimulatorSettings settings,
      BucketContainers containers,
      AccountRegistry accounts,
      BucketRegistry buckets) {
    // below every key's view: counts what each write changes and refuses one over a hard quota
    BlobStore backing =
        new QuotaEnforcingBlobStore(containers.blobStore(), containers.usage(), buckets);
    int port = settings.s3Port();
    String bound = settings.s3ListenAddress().getHostAddress();
    // S3Proxy insists on one static identity; it is random and unused, the locator replaces it
    byte[] unused = new byte[16];
    new SecureRandom().nextBytes(unused);
    String unusedSecret = HexFormat.of().formatHex(unused);
    S3Proxy proxy =
        S3Proxy.builder()
            // requests without credentials are served from this store: the anonymous view, which
            // denies all
            .blobStore(AccountScopedBlobStore.anonymous(backing, buckets))
            // S3Proxy binds the endpoint's host
            .endpoint(
                URI.create(
                    "http://" + (bound.contains(":") ? "[" + bound + "]" : bound) + ":" + port))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, "unused-" + unusedSecret, unusedSecret)
            // current AWS SDKs send checksum headers S3Proxy does not know; S3 ignores what it does
            // not need
            .ignoreUnknownHeaders(true)
            .jettyMaxThreads(MAX_THREADS)
            .build();
    proxy.setBlobStoreLocator(new AccountBlobStoreLocator(backing, accounts, buckets));
    QuotaRefusalHandler.install(proxy); // innermost: answers the writes over a hard quota
    S3PolicyEnforcement.install(proxy); // sees only what the guard lets through
    S3RequestGuard.install(proxy);
    BodyDrainingHandler.install(proxy); // outermost: drains the bodies of what the guard refuses
    try {
      proxy.start();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot start the simulator's S3 data plane on port " + port, e);
    }
    return new S3DataPlane(proxy, settings.s3LocalAddress());
  }

  URI endpoint() {
    return URI.create("http://" + localAddress + ":" + proxy.getPort());
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot stop the S3 data plane", e);
    }
  }
}
