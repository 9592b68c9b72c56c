package org.workspaceportal.flashbladesim;

import java.util.Optional;

/**
 * The one simulator of the embedded default per JVM. Test suites build many Spring contexts in one
 * JVM; they all share it, and it stops with the JVM rather than with any one context.
 */
final class EmbeddedSimulator {

  private static FlashBladeSimulator running;

  private EmbeddedSimulator() {}

  static synchronized FlashBladeSimulator startOnce(SimulatorSettings settings) {
    if (running == null) {
      FlashBladeSimulator simulator = FlashBladeSimulator.start(settings);
      Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "flashbladesim-shutdown"));
      running = simulator;
    }
    return running;
  }

  static synchronized Optional<FlashBladeSimulator> running() {
    return Optional.ofNullable(running);
  }
}
