package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Name checks shared by the registries, producing the array's error shapes. */
final class Lookups {

  private Lookups() {}

  /** Fails with one error per missing name, as an array does for GET, PATCH and DELETE. */
  static <T> List<T> requireAll(Map<String, T> objects, List<String> names, String kind) {
    List<ApiError> missing = new ArrayList<>();
    List<T> found = new ArrayList<>();
    for (String name : names) {
      T object = objects.get(name);
      if (object == null) {
        missing.add(new ApiError(name, kind + " does not exist."));
      } else {
        found.add(object);
      }
    }
    if (!missing.isEmpty()) {
      throw new ApiException(400, missing);
    }
    return found;
  }

  static void requireAbsent(Map<String, ?> objects, List<String> names, String kind) {
    List<ApiError> existing =
        names.stream()
            .filter(objects::containsKey)
            .map(name -> new ApiError(name, kind + " already exists."))
            .toList();
    if (!existing.isEmpty()) {
      throw new ApiException(400, existing);
    }
  }

  /** POST and PATCH need {@code names=}; an empty selection is a client error, not a no-op. */
  static void requireNames(List<String> names) {
    if (names.isEmpty()) {
      throw ApiException.badRequest("Missing required parameter 'names'.");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw ApiException.badRequest("Duplicate names in 'names'.");
    }
  }

  /** Parses a quota string from a request body: "" means unlimited. */
  static Long parseQuota(String context, String quota) {
    if (quota == null || quota.isEmpty()) {
      return null;
    }
    try {
      long bytes = Long.parseLong(quota.trim());
      if (bytes < 0) {
        throw ApiException.badRequest(context, "quota_limit must not be negative.");
      }
      return bytes;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(context, "Invalid quota_limit '" + quota + "'.");
    }
  }
}
