package org.workspaceportal.flashbladesim;

/**
 * A management API path split into its parts: {@code /api/<version>/<resource>} or one of the
 * unversioned endpoints {@code /api/api_version}, {@code /api/login}, {@code /api/logout}.
 *
 * @param version "2.12", "2.latest", or {@code null} for unversioned paths
 * @param resource the collection: the path below the version without its leading slash, e.g.
 *     "buckets" or, for a sub-collection such as policy memberships,
 *     "object-store-access-policies/object-store-users"; for unversioned paths the endpoint name
 * @param versionedPath the path below the version, e.g. "/buckets"; the full path when unversioned
 */
record ApiPath(String fullPath, String version, String resource, String versionedPath) {

  static final String API_VERSION = "api_version";
  static final String LOGIN = "login";
  static final String LOGOUT = "logout";

  static ApiPath parse(String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    String[] parts = path.split("/", -1);
    // parts[0] is the empty string before the leading slash
    if (parts.length == 3
        && parts[1].equals("api")
        && (parts[2].equals(API_VERSION) || parts[2].equals(LOGIN) || parts[2].equals(LOGOUT))) {
      return new ApiPath(path, null, parts[2], path);
    }
    if (parts.length >= 4
        && parts[1].equals("api")
        && parts[2].matches("[0-9]+\\.([0-9]+|latest)")) {
      String below = path.substring(("/api/" + parts[2]).length());
      return new ApiPath(path, parts[2], below.substring(1), below);
    }
    return new ApiPath(path, null, "unknown", path);
  }
}
