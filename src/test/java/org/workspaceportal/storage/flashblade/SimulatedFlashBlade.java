package org.workspaceportal.storage.flashblade;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatorSettings;

/**
 * One FlashBlade simulator shared by the adapter tests of this JVM (starting one takes a second or
 * two; every test uses names of its own, so they do not see each other's objects), plus adapters that
 * trust its CA the way production trusts the array's.
 */
final class SimulatedFlashBlade {

  private static final AtomicInteger names = new AtomicInteger();
  private static volatile FlashBladeSimulator shared;

  private SimulatedFlashBlade() {}

  static synchronized FlashBladeSimulator shared() {
    if (shared == null) {
      shared = FlashBladeSimulator.start(SimulatorSettings.inMemory());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  static FlashBladeProperties properties(FlashBladeSimulator array) {
    return FlashBladeFixtures.properties(array.managementUri(), array.apiToken(), array.caCertificate());
  }

  static FlashBladeObjectStorage adapter(FlashBladeSimulator array) {
    return new FlashBladeObjectStorage(properties(array), new SimpleMeterRegistry());
  }

  /** A name no other test uses, valid for accounts, buckets and file systems. */
  static String unique(String prefix) {
    return prefix + "-" + names.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
  }
}
