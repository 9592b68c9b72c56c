package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jclouds.blobstore.BlobStoreContext;
import tools.jackson.databind.json.JsonMapper;

/** Starts the parts of a simulator in order, and remembers what to close, newest first. */
final class SimulatorParts {

  final SimulatorSettings settings;
  final Deque<AutoCloseable> resources = new ArrayDeque<>();
  final CallLog calls = new CallLog();
  String apiToken;
  SimulatorState state;
  AccountRegistry accounts;
  URI managementUri;
  URI s3Endpoint;
  Path caCertificate;
  Path fileSystemRoot;
  SessionRegistry sessions;
  ManagementHandler handler;

  SimulatorParts(SimulatorSettings settings) {
    this.settings = settings;
  }

  void build() {
    Clock clock = Clock.systemUTC();
    CompletableFuture<JsonMapper> pendingJson = CompletableFuture.supplyAsync(ApiJson::mapper);
    DataDirectory dataDir = null;
    if (settings.dataDir() != null) {
      dataDir = DataDirectory.open(settings.dataDir());
      resources.push(dataDir);
    }
    // key generation overlaps the slow jclouds start-up: a first start is mostly class loading
    DataDirectory keptIn = dataDir;
    CompletableFuture<SimulatorCertificates> pendingCertificates =
        CompletableFuture.supplyAsync(
            () ->
                keptIn == null
                    ? SimulatorCertificates.generate(settings)
                    : SimulatorCertificates.keptIn(
                        keptIn.caCertificate(), keptIn.caKey(), settings));
    apiToken =
        settings.apiToken() != null
            ? settings.apiToken()
            : dataDir != null ? dataDir.apiToken() : "T-" + UUID.randomUUID();
    state = new SimulatorState(dataDir == null ? null : new StateFile(dataDir.stateFile()), clock);
    BlobStoreContext blobs = BlobStores.open(dataDir == null ? null : dataDir.blobs());
    resources.push(blobs);
    var containers = new BucketContainers(blobs.getBlobStore());
    accounts = new AccountRegistry(state);
    var buckets = new BucketRegistry(state, containers);
    S3DataPlane dataPlane = S3DataPlane.start(settings, containers, accounts, buckets);
    resources.push(dataPlane);
    s3Endpoint = dataPlane.endpoint();

    SimulatorCertificates certificates = pendingCertificates.join();
    if (dataDir != null) {
      caCertificate = dataDir.caCertificate();
    } else {
      caCertificate = temporaryDirectory().resolve("ca.pem");
      certificates.writeCaPem(caCertificate);
    }
    FileSystemFolders folders =
        new FileSystemFolders(
            dataDir != null ? dataDir.fileSystems() : caCertificate.resolveSibling("file-systems"));
    fileSystemRoot = folders.root();

    sessions = new SessionRegistry(settings.sessionIdleTimeout(), clock);
    JsonMapper json = pendingJson.join();
    var listing = new Listing(json);
    var array = new ArrayIdentity(UUID.randomUUID().toString(), "flashblade-sim");
    var versions = new RestVersions(settings.maxRestVersion());
    var members = new PolicyMembersResource(new PolicyMemberships(state), listing);
    Map<String, ApiResource> api =
        Map.of(
            "object-store-accounts", new AccountsResource(state, accounts, buckets, listing),
            "object-store-users", new UsersResource(state, accounts, listing),
            // Pure's client offers both spellings of the memberships; they are one collection
            "object-store-access-policies/object-store-users", members,
            "object-store-users/object-store-access-policies", members,
            "object-store-access-keys", new AccessKeysResource(state, accounts, listing, array),
            "buckets", new BucketsResource(state, buckets, listing),
            "file-systems",
                new FileSystemsResource(state, new FileSystemRegistry(state, folders), listing),
            "network-interfaces", new NetworkInterfacesResource(listing, array.id()),
            "arrays",
                new ArraysResource(
                    listing,
                    state,
                    array,
                    PurityReleases.serving(versions.maxMinor()),
                    settings.sessionIdleTimeout().toMillis()));
    handler =
        new ManagementHandler(
            api, versions, new LoginEndpoints(apiToken, sessions), sessions, calls, json, clock);
    ManagementServer server =
        ManagementServer.start(settings, certificates.serverContext(), handler);
    resources.push(server);
    managementUri = server.uri();
  }

  /** For the CA file of an in-memory simulator; removed again when the simulator closes. */
  private Path temporaryDirectory() {
    try {
      Path temp = Files.createTempDirectory("flashbladesim-");
      resources.push(() -> deleteTree(temp));
      return temp;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for the simulator CA", e);
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
