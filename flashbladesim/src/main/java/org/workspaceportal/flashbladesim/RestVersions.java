package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;

/**
 * The REST versions the simulated array lists. Arrays list the 1.x versions too, although the
 * simulator serves only 2.x; clients pick the highest 2.x they share with the array.
 */
final class RestVersions {

  /**
   * Highest minor of REST 2 the simulator knows about; nothing portal-relevant changes above it.
   */
  static final int HIGHEST_KNOWN_MINOR = 26;

  private static final int HIGHEST_1X_MINOR = 12;

  private final int maxMinor;

  RestVersions(String maxVersion) {
    this.maxMinor = requireSupportedMaximum(maxVersion);
  }

  static int requireSupportedMaximum(String version) {
    int minor = minorOf2x(version);
    if (minor < 0 || minor > HIGHEST_KNOWN_MINOR) {
      throw new IllegalArgumentException(
          "maxRestVersion must be between 2.0 and 2." + HIGHEST_KNOWN_MINOR + ", was " + version);
    }
    return minor;
  }

  /** The minor number of a "2.N" version, or -1 when it is not one. */
  static int minorOf2x(String version) {
    if (version == null || !version.matches("2\\.(0|[1-9][0-9]?)")) {
      return -1;
    }
    return Integer.parseInt(version.substring(2));
  }

  /** The minor of the newest 2.x version offered. */
  int maxMinor() {
    return maxMinor;
  }

  List<String> all() {
    List<String> versions = new ArrayList<>();
    for (int minor = 0; minor <= HIGHEST_1X_MINOR; minor++) {
      versions.add("1." + minor);
    }
    for (int minor = 0; minor <= maxMinor; minor++) {
      versions.add("2." + minor);
    }
    return versions;
  }

  /**
   * Resolves a path version ("2.12", "2.latest") to its minor, or -1 when the array does not offer
   * it.
   */
  int resolve(String pathVersion) {
    if ("2.latest".equals(pathVersion)) {
      return maxMinor;
    }
    int minor = minorOf2x(pathVersion);
    return minor <= maxMinor ? minor : -1;
  }

  boolean isListed1x(String pathVersion) {
    return pathVersion.matches("1\\.([0-9]|1[0-2])");
  }
}
