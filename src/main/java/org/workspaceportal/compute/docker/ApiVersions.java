package org.workspaceportal.compute.docker;

/** Compares Docker Engine API versions ("1.41" &lt; "1.45" &lt; "1.100"). */
final class ApiVersions {

  private ApiVersions() {}

  static int compare(String a, String b) {
    String[] x = a.strip().split("\\.");
    String[] y = b.strip().split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int c = Integer.compare(part(x, i), part(y, i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    try {
      return Integer.parseInt(parts[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
