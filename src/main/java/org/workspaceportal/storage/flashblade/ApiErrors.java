package org.workspaceportal.storage.flashblade;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the reasons out of a FlashBlade error answer. Two shapes occur: the REST API's {@code
 * {"errors":[{"context","message"}]}} and the API gateway's flat {@code {"message": …}} (403, 429);
 * REST 1.x used {@code "error"} for the array. Anything else (an HTML page of a proxy) yields no
 * reasons rather than a parse failure, because the status code still tells what happened.
 */
final class ApiErrors {

  private ApiErrors() {}

  static List<ApiError> parse(JsonMapper json, byte[] body) {
    if (body == null || body.length == 0) {
      return List.of();
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException notJson) {
      return List.of();
    }
    if (root == null || !root.isObject()) {
      return List.of();
    }
    List<ApiError> errors = new ArrayList<>();
    for (String field : List.of("errors", "error")) {
      JsonNode array = root.get(field);
      if (array != null && array.isArray()) {
        array.forEach(
            entry -> errors.add(new ApiError(text(entry, "context"), text(entry, "message"))));
      }
    }
    if (errors.isEmpty() && text(root, "message") != null) {
      errors.add(new ApiError(null, text(root, "message")));
    }
    return List.copyOf(errors);
  }

  /** The reasons as one sentence for people; "no reason given" when the array gave none. */
  static String describe(List<ApiError> errors) {
    if (errors.isEmpty()) {
      return "no reason given";
    }
    return errors.stream().map(ApiError::describe).distinct().collect(Collectors.joining("; "));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asString();
  }
}
