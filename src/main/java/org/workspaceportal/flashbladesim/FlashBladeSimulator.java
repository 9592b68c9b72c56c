package org.workspaceportal.flashbladesim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jclouds.blobstore.BlobStoreContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running FlashBlade simulator: the management REST API over HTTPS and the S3 data plane, both
 * on 127.0.0.1. For tests and the embedded default only; never used by production code.
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
    private final FaultInjector faults;
    private final CallLog calls;
    private final Deque<AutoCloseable> resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FlashBladeSimulator(Builder parts) {
        this.settings = parts.settings;
        this.apiToken = parts.apiToken;
        this.state = parts.state;
        this.accounts = parts.accounts;
        this.managementUri = parts.managementUri;
        this.s3Endpoint = parts.s3Endpoint;
        this.caCertificate = parts.caCertificate;
        this.faults = parts.faults;
        this.calls = parts.calls;
        this.resources = parts.resources;
    }

    /** Starts a simulator; it runs until {@link #close()}. */
    public static FlashBladeSimulator start(SimulatorSettings settings) {
        var parts = new Builder(settings);
        try {
            parts.build();
        } catch (RuntimeException e) {
            closeAll(parts.resources);
            throw e;
        }
        var simulator = new FlashBladeSimulator(parts);
        log.info("FlashBlade simulator running: management API {}, S3 {}, CA {}, state {}",
                simulator.managementUri, simulator.s3Endpoint, simulator.caCertificate,
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

    /** The API token {@code POST /api/login} accepts. A secret: do not log it. */
    public String apiToken() {
        return apiToken;
    }

    public SimulatorSettings settings() {
        return settings;
    }

    public FaultInjector faults() {
        return faults;
    }

    public List<SimulatedAccount> accounts() {
        synchronized (state) {
            return state.accounts.values().stream()
                    .map(a -> new SimulatedAccount(a.name(), a.quotaLimit())).toList();
        }
    }

    public List<SimulatedUser> users() {
        synchronized (state) {
            return state.users.values().stream()
                    .map(u -> new SimulatedUser(u.name(), u.account(), u.fullAccess(), accessKeyIds(u.name())))
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
                    .map(b -> new SimulatedBucket(b.name(), b.account(), b.isDestroyed())).toList();
        }
    }

    public List<SimulatedFileSystem> fileSystems() {
        synchronized (state) {
            return state.fileSystems.values().stream()
                    .map(f -> new SimulatedFileSystem(f.name(), f.isDestroyed(), f.provisioned(),
                            f.nfs().v3Enabled(), f.nfs().v41Enabled(), f.nfs().rules()))
                    .toList();
        }
    }

    /** Every call the management API answered, oldest first. */
    public List<ApiCall> calls() {
        return calls.calls();
    }

    /** How many calls with this method hit this resource, e.g. {@code callCount("POST", "buckets")}. */
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
            log.info("FlashBlade simulator at {} stopped", managementUri);
        }
    }

    @Override
    public String toString() {
        return "FlashBladeSimulator[" + managementUri + ", s3=" + s3Endpoint + "]";
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("Could not stop part of the FlashBlade simulator", e);
            }
        }
    }

    /** Wires the parts in start-up order and remembers what to close, newest first. */
    private static final class Builder {
        final SimulatorSettings settings;
        final Deque<AutoCloseable> resources = new ArrayDeque<>();
        final CallLog calls = new CallLog();
        String apiToken;
        SimulatorState state;
        AccountRegistry accounts;
        URI managementUri;
        URI s3Endpoint;
        Path caCertificate;
        FaultInjector faults;

        Builder(SimulatorSettings settings) {
            this.settings = settings;
        }

        void build() {
            Clock clock = Clock.systemUTC();
            Path dataDir = settings.dataDir();
            apiToken = settings.apiToken() != null ? settings.apiToken() : "T-" + UUID.randomUUID();
            state = new SimulatorState(dataDir == null ? null : new StateFile(dataDir.resolve("state.json")), clock);
            BlobStoreContext blobs = BlobStores.open(dataDir == null ? null : dataDir.resolve("blobs"));
            resources.push(blobs);
            var containers = new BucketContainers(blobs.getBlobStore());
            accounts = new AccountRegistry(state);
            var buckets = new BucketRegistry(state, containers);
            S3DataPlane dataPlane = S3DataPlane.start(settings.s3Port(), containers.blobStore(), accounts, buckets);
            resources.push(dataPlane);
            s3Endpoint = dataPlane.endpoint();

            var certificates = SimulatorCertificates.generate();
            caCertificate = caFile(dataDir).resolve("ca.pem");
            certificates.writeCaPem(caCertificate);

            var sessions = new SessionRegistry(settings.sessionIdleTimeout(), clock);
            faults = new FaultInjector(sessions);
            JsonMapper json = ApiJson.mapper();
            var listing = new Listing(json);
            String arrayId = UUID.randomUUID().toString();
            Map<String, ApiResource> api = Map.of(
                    "object-store-accounts", new AccountsResource(state, accounts, buckets, listing),
                    "object-store-users", new UsersResource(state, accounts, listing),
                    "object-store-access-keys", new AccessKeysResource(state, accounts, listing),
                    "buckets", new BucketsResource(state, buckets, listing),
                    "file-systems", new FileSystemsResource(state, new FileSystemRegistry(state), listing),
                    "network-interfaces", new NetworkInterfacesResource(listing, arrayId),
                    "arrays", new ArraysResource(listing, state, arrayId, settings.sessionIdleTimeout().toMillis()));
            var handler = new ManagementHandler(api, new RestVersions(settings.maxRestVersion()),
                    new LoginEndpoints(apiToken, sessions), sessions, faults, calls, json, clock);
            ManagementServer server = ManagementServer.start(settings.managementPort(), certificates.serverContext(),
                    handler);
            resources.push(server);
            managementUri = server.uri();
        }

        /** The data dir, or a temporary directory removed again when the simulator closes. */
        private Path caFile(Path dataDir) {
            if (dataDir != null) {
                return dataDir;
            }
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
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
