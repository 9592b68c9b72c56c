package org.workspaceportal.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * House rule for tests that need something from the machine (a browser, a Docker engine): on a
 * laptop without it they are skipped with a message saying what is missing; with {@code CI=true}
 * they fail, because CI always provides it and a skipped test there would hide a broken set-up.
 */
public final class Requirement {

  private Requirement() {}

  /**
   * Returns if {@code missing} is null; otherwise aborts the test (reported as skipped), or fails
   * it when the environment variable {@code CI} is {@code true}.
   *
   * @param what what the test needs, e.g. "headless Chromium"
   * @param missing why it is not available, or null when it is
   */
  public static void require(String what, String missing) {
    if (missing == null) {
      return;
    }
    if (isCi()) {
      Assertions.fail(what + " is required when CI=true, but " + missing);
    }
    Assumptions.abort(
        "Skipped: "
            + what
            + " is not available: "
            + missing
            + " (with CI=true this test fails instead)");
  }

  public static boolean isCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
