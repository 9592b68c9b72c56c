package org.workspaceportal.storage.flashblade;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.DataEndpoints;
import org.workspaceportal.storage.FileSystemMount;
import org.workspaceportal.storage.NewAccessKey;
import org.workspaceportal.storage.ObjectStorage;
import org.workspaceportal.storage.Retention;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ObjectStorage} on a FlashBlade through its REST 2.x management API. Nothing is contacted
 * at construction: the REST version is chosen and the session opened on the first call. {@link
 * #close()} logs out.
 */
final class FlashBladeObjectStorage implements ObjectStorage, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FlashBladeObjectStorage.class);

  private final FlashBladeHttp http;
  private final Session session;
  private final Accounts accounts;
  private final Users users;
  private final AccessKeys keys;
  private final Buckets buckets;
  private final FileSystems fileSystems;
  private final DataVips dataVips;
  private final Path fileSystemBindRoot;
  private final Duration eradicationDelay;

  FlashBladeObjectStorage(FlashBladeProperties properties, MeterRegistry meters) {
    Objects.requireNonNull(properties.url(), "portal.storage.flashblade.url");
    if (properties.insecureSkipTlsVerify()) {
      log.warn(
          "TLS verification of the FlashBlade management API at {} is OFF"
              + " (portal.storage.flashblade.insecure-skip-tls-verify=true): anyone between the"
              + " portal and the array can read the API token. Configure ca-certificate instead.",
          properties.url());
    }
    JsonMapper json = FlashBladeJson.mapper();
    this.http = new FlashBladeHttp(HttpUrl.get(properties.url()), client(properties), meters);
    ResilientCalls calls = new ResilientCalls(json);
    this.session = new Session(http, calls, json, properties.apiToken());
    FlashBladeApi api = new FlashBladeApi(http, session, calls, json);
    this.accounts = new Accounts(api);
    this.keys = new AccessKeys(api);
    this.users = new Users(api, keys, new AccessPolicies(api));
    this.buckets = new Buckets(api, properties.bucketQuotaBytes());
    this.fileSystems = new FileSystems(api, properties.nfsRule(), properties.datahubBytes());
    this.dataVips = new DataVips(api, properties.dataEndpoint(), properties.dataScheme());
    this.fileSystemBindRoot = properties.fileSystemBindRoot();
    this.eradicationDelay = properties.eradicationDelay();
  }

  private static OkHttpClient client(FlashBladeProperties properties) {
    Duration connect = properties.connectTimeout();
    Duration read = properties.readTimeout();
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(connect)
            .readTimeout(read)
            .writeTimeout(read)
            .callTimeout(connect.plus(read).plus(read))
            .followRedirects(false);
    ManagementTls.from(properties).applyTo(builder);
    return builder.build();
  }

  @Override
  public void ensureAccount(String account) {
    accounts.ensure(account);
  }

  @Override
  public void ensureUser(String account, String user) {
    users.ensure(account, user);
  }

  @Override
  public List<String> accessKeyIds(String account, String user) {
    return keys.ids(account, user);
  }

  @Override
  public NewAccessKey createAccessKey(String account, String user) {
    return keys.create(account, user);
  }

  @Override
  public void deleteAccessKey(String accessKeyId) {
    keys.delete(accessKeyId);
  }

  @Override
  public void ensureBucket(String account, String bucket, Long quotaBytes) {
    buckets.ensure(account, bucket, quotaBytes);
  }

  @Override
  public void ensureFileSystem(String name, long provisionedBytes) {
    fileSystems.ensure(name, provisionedBytes);
  }

  @Override
  public void removeBucket(String bucket, Retention retention) {
    buckets.remove(bucket, retention);
  }

  @Override
  public void removeUser(String account, String user) {
    users.remove(account, user);
  }

  @Override
  public boolean removeAccountIfEmpty(String account) {
    return accounts.removeIfEmpty(account);
  }

  @Override
  public void removeFileSystem(String name, Retention retention) {
    fileSystems.remove(name, retention);
  }

  @Override
  public FileSystemMount mountOf(String fileSystem) {
    if (fileSystemBindRoot != null) {
      return FileSystemMount.bind(
          fileSystemBindRoot.resolve(fileSystem).toAbsolutePath().toString());
    }
    return FileSystemMount.nfs(endpoints().nfsAddress(), fileSystem);
  }

  @Override
  public DataEndpoints endpoints() {
    return dataVips.endpoints();
  }

  @Override
  public Duration destroyedRecoverableFor() {
    return eradicationDelay;
  }

  /**
   * Ends the session on the array (sessions count against a per-user limit there) and frees
   * threads.
   */
  @Override
  public void close() {
    try {
      session.logout();
    } catch (RuntimeException e) {
      log.debug("Could not log out of FlashBlade: {}", e.getMessage());
    } finally {
      http.close();
    }
  }
}
