package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

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

  /**
   * Applies {@code destroyed=} to a selection. Without {@code names=} it filters; with names, "each
   * object referenced must also be destroyed" (or not destroyed), and "an error is returned if any
   * of these conditions are not met", one error per name, like a missing name.
   */
  static <T> List<T> inDestroyedState(
      List<T> selected,
      boolean named,
      Optional<Boolean> destroyed,
      Predicate<T> isDestroyed,
      Function<T, String> name,
      String kind) {
    if (destroyed.isEmpty()) {
      return selected;
    }
    boolean wanted = destroyed.get();
    if (named) {
      List<ApiError> wrong =
          selected.stream()
              .filter(object -> isDestroyed.test(object) != wanted)
              .map(
                  object ->
                      new ApiError(
                          name.apply(object),
                          kind + (wanted ? " is not destroyed." : " is destroyed.")))
              .toList();
      if (!wrong.isEmpty()) {
        throw new ApiException(400, wrong);
      }
    }
    return selected.stream().filter(object -> isDestroyed.test(object) == wanted).toList();
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
