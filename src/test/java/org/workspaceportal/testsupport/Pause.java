package org.workspaceportal.testsupport;

/** The pause between two looks of a test that waits for something to happen. */
public final class Pause {

  private Pause() {}

  /**
   * Sleeps {@code ms} milliseconds. An interrupt ends the test (the interrupt flag stays set for
   * whoever runs it) instead of being swallowed, so a test that is being stopped stops.
   */
  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
