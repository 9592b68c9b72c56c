package org.workspaceportal.flashbladesim;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one simulator of the embedded default per JVM. Test suites build many Spring contexts in one
 * JVM; they all share it, and it stops with the JVM rather than with any one context.
 */
final class EmbeddedSimulator {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulator.class);

  private static FlashBladeSimulator running;

  private EmbeddedSimulator() {}

  static synchronized FlashBladeSimulator startOnce(SimulatorSettings settings) {
    if (running == null) {
      FlashBladeSimulator simulator = startOrFallBackToMemory(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "flashbladesim-shutdown"));
      running = simulator;
    }
    return running;
  }

  /**
   * A second portal (or test JVM) on the same data directory must still start; it gets an in-memory
   * array of its own rather than a share of the first one's state file.
   */
  static FlashBladeSimulator startOrFallBackToMemory(SimulatorSettings settings) {
    try {
      return FlashBladeSimulator.start(settings);
    } catch (DataDirectory.InUseException e) {
      log.warn("{}; this process uses an in-memory FlashBlade simulator instead", e.getMessage());
      return FlashBladeSimulator.start(settings.withDataDir(null));
    }
  }

  static synchronized Optional<FlashBladeSimulator> running() {
    return Optional.ofNullable(running);
  }
}
