package org.workspaceportal.storage.flashblade;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatorSettings;
import org.workspaceportal.storage.ObjectStorage;
import tools.jackson.databind.json.JsonMapper;

/**
 * One FlashBlade simulator shared by the storage tests of this JVM (starting one takes a second or
 * two; every test uses names of its own, so they do not see each other's objects), plus adapters
 * that trust its CA the way production trusts the array's. Public for the S3 adapter's tests.
 */
public final class SimulatedFlashBlade {

  private static final AtomicInteger names = new AtomicInteger();
  private static FlashBladeSimulator shared;
  private static FlashBladeSimulator newest;
  private static FlashBladeObjectStorage sharedStorage;

  private SimulatedFlashBlade() {}

  public static synchronized FlashBladeSimulator shared() {
    if (shared == null) {
      FlashBladeSimulator started = FlashBladeSimulator.start(SimulatorSettings.inMemory());
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      shared = started;
    }
    return shared;
  }

  /**
   * A second shared simulator that offers REST 2.26, the newest version the adapter speaks; {@link
   * #shared()} offers the simulator's default, 2.17.
   */
  static synchronized FlashBladeSimulator newest() {
    if (newest == null) {
      FlashBladeSimulator started =
          FlashBladeSimulator.start(
              SimulatorSettings.inMemory()
                  .withMaxRestVersion("2." + RestVersion.HIGHEST_SUPPORTED));
      Runtime.getRuntime().addShutdownHook(new Thread(started::close));
      newest = started;
    }
    return newest;
  }

  /**
   * An adapter on the shared simulator, for tests outside this package; closed when the JVM exits.
   */
  public static synchronized ObjectStorage sharedStorage() {
    if (sharedStorage == null) {
      FlashBladeObjectStorage adapter = adapter(shared());
      Runtime.getRuntime().addShutdownHook(new Thread(adapter::close));
      sharedStorage = adapter;
    }
    return sharedStorage;
  }

  static FlashBladeProperties properties(FlashBladeSimulator array) {
    return FlashBladeFixtures.properties(
        array.managementUri(), array.apiToken(), array.caCertificate());
  }

  static FlashBladeObjectStorage adapter(FlashBladeSimulator array) {
    return new FlashBladeObjectStorage(properties(array), new SimpleMeterRegistry());
  }

  /**
   * The adapter's REST calls on their own, for tests that set up what another client (an older
   * portal, an administrator) left on the array.
   */
  record RawApi(FlashBladeApi api, FlashBladeHttp http) implements AutoCloseable {
    @Override
    public void close() {
      http.close();
    }
  }

  static RawApi rawApi(FlashBladeSimulator array) {
    FlashBladeProperties properties = properties(array);
    OkHttpClient.Builder client = new OkHttpClient.Builder();
    ManagementTls.from(properties).applyTo(client);
    var http =
        new FlashBladeHttp(
            HttpUrl.get(properties.url()), client.build(), new SimpleMeterRegistry());
    JsonMapper json = FlashBladeJson.mapper();
    var calls = new ResilientCalls(json);
    var session = new Session(http, calls, json, properties.apiToken());
    return new RawApi(new FlashBladeApi(http, session, calls, json), http);
  }

  /** A name no other test uses, valid for accounts, buckets and file systems. */
  public static String unique(String prefix) {
    return prefix
        + "-"
        + names.incrementAndGet()
        + "-"
        + Long.toString(System.nanoTime() % 100_000, 36);
  }
}
