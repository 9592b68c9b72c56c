package org.workspaceportal.flashbladesim;

import java.net.URI;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running FlashBlade simulator: the management REST API over HTTPS and the S3 data plane, both on
 * 127.0.0.1. For tests and the embedded default only; never used by production code.
 *
 * <pre>{@code
 * try (var array = FlashBladeSimulator.start(SimulatorSettings.inMemory())) {
 *     // point a client at array.managementUri(), trusting array.caCertificate(),
 *     // log in with array.apiToken(), use S3 keys at array.s3Endpoint()
 * }
 * }</pre>
 */
public final class FlashBladeSimulator implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FlashBladeSimulator.class);

  private final SimulatorSettings settings;
  private final String apiToken;
  private final SimulatorState state;
  private final AccountRegistry accounts;
  private final URI managementUri;
  private final URI s3Endpoint;
  private final Path caCertificate;
  private final Path fileSystemRoot;
  private final SessionRegistry sessions;
  private final ManagementHandler handler;
  private final CallLog calls;
  private final Deque<AutoCloseable> resources;
  private final AtomicBoolean closed = new AtomicBoolean();

  private FlashBladeSimulator(SimulatorParts parts) {
    this.settings = parts.settings;
    this.apiToken = parts.apiToken;
    this.state = parts.state;
    this.accounts = parts.accounts;
    this.managementUri = parts.managementUri;
    this.s3Endpoint = parts.s3Endpoint;
    this.caCertificate = parts.caCertificate;
    this.fileSystemRoot = parts.fileSystemRoot;
    this.sessions = parts.sessions;
    this.handler = parts.handler;
    this.calls = parts.calls;
    this.resources = parts.resources;
  }

  /** Starts a simulator; it runs until {@link #close()}. */
  public static FlashBladeSimulator start(SimulatorSettings settings) {
    var parts = new SimulatorParts(settings);
    try {
      parts.build();
    } catch (RuntimeException e) {
      closeAll(parts.resources);
      throw e;
    }
    var simulator = new FlashBladeSimulator(parts);
    log.debug(
        "FlashBlade simulator running: management API {}, S3 {}, CA {}, state {}",
        simulator.managementUri,
        simulator.s3Endpoint,
        simulator.caCertificate,
        settings.dataDir() == null ? "in memory" : settings.dataDir());
    return simulator;
  }

  /** {@code https://127.0.0.1:<port>}; the REST API is below {@code /api}. */
  public URI managementUri() {
    return managementUri;
  }

  /** {@code http://127.0.0.1:<port>}, for path-style S3 clients. */
  public URI s3Endpoint() {
    return s3Endpoint;
  }

  /** The PEM file of the CA that signed the management API's certificate. */
  public Path caCertificate() {
    return caCertificate;
  }

  /**
   * The folder under which every simulated file system has a folder of its name: what a client on
   * this machine bind-mounts in place of the NFS export {@code <data VIP>:/<name>}.
   */
  public Path fileSystemRoot() {
    return fileSystemRoot;
  }

  /** The API token {@code POST /api/login} accepts. A secret: do not log it. */
  public String apiToken() {
    return apiToken;
  }

  public SimulatorSettings settings() {
    return settings;
  }

  /**
   * Puts {@code interceptor} in front of every management API call from now on, in place of the one
   * before; {@code null} removes it. For tests: see {@link CallInterceptor}.
   */
  public void intercept(CallInterceptor interceptor) {
    handler.intercept(interceptor);
  }

  /** The interceptor in front of the management API ({@link CallInterceptor#NONE} if none). */
  public CallInterceptor interceptor() {
    return handler.interceptor();
  }

  /**
   * Ends every session now, as an array's restart or failover would: the next call with an old
   * {@code x-auth-token} gets 401 and the client must log in again.
   */
  public void expireAllSessions() {
    sessions.expireAll();
  }

  public List<SimulatedAccount> accounts() {
    synchronized (state) {
      return state.accounts.values().stream()
          .map(a -> new SimulatedAccount(a.name(), a.quotaLimit()))
          .toList();
    }
  }

  public List<SimulatedUser> users() {
    synchronized (state) {
      return state.users.values().stream()
          .map(u -> new SimulatedUser(u.name(), u.account(), u.policies(), accessKeyIds(u.name())))
          .toList();
    }
  }

  /** IDs of the access keys of user {@code account/user}, oldest first. */
  public List<String> accessKeyIds(String user) {
    return accounts.keysOf(user).stream().map(StoredAccessKey::name).toList();
  }

  public List<SimulatedBucket> buckets() {
    synchronized (state) {
      return state.buckets.values().stream()
          .map(b -> new SimulatedBucket(b.name(), b.account(), b.isDestroyed()))
          .toList();
    }
  }

  /**
   * The hard quota of bucket {@code name} in bytes, as the array keeps it; empty when it has none
   * (no quota, or a soft one) or no such bucket exists.
   */
  public java.util.OptionalLong bucketHardQuota(String name) {
    synchronized (state) {
      StoredBucket bucket = state.buckets.get(name);
      return bucket != null && bucket.hardLimitEnabled() && bucket.quotaLimit() != null
          ? java.util.OptionalLong.of(bucket.quotaLimit())
          : java.util.OptionalLong.empty();
    }
  }

  public List<SimulatedFileSystem> fileSystems() {
    synchronized (state) {
      return state.fileSystems.values().stream()
          .map(
              f ->
                  new SimulatedFileSystem(
                      f.name(),
                      f.isDestroyed(),
                      f.provisioned(),
                      f.nfs().v3Enabled(),
                      f.nfs().v41Enabled(),
                      f.nfs().rules()))
          .toList();
    }
  }

  /** Every call the management API answered, oldest first. */
  public List<ApiCall> calls() {
    return calls.calls();
  }

  /**
   * How many calls with this method hit this resource, e.g. {@code callCount("POST", "buckets")}.
   */
  public long callCount(String method, String resource) {
    return calls.count(method, resource);
  }

  public void clearCalls() {
    calls.clear();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closeAll(resources);
      log.debug("FlashBlade simulator at {} stopped", managementUri);
    }
  }

  @Override
  public String toString() {
    return "FlashBladeSimulator[" + managementUri + ", s3=" + s3Endpoint + "]";
  }

  static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        log.warn("Could not stop part of the FlashBlade simulator", e);
      }
    }
  }
}
