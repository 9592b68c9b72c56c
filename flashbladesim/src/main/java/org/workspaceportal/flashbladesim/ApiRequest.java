package org.workspaceportal.flashbladesim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call to a versioned resource, {@code /api/2.N/<resource>}.
 *
 * @param minor the REST 2 minor version the client addressed
 */
record ApiRequest(
    String method,
    String resource,
    int minor,
    Map<String, String> query,
    byte[] body,
    JsonMapper json) {

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return query;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(text, "Malformed query string.");
    }
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /** The comma-separated {@code names=} selection, empty when absent. */
  List<String> names() {
    return list("names");
  }

  List<String> list(String name) {
    String value = query.get(name);
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim).toList());
  }

  Optional<Boolean> flag(String name) {
    String value = query.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw ApiException.badRequest("Invalid value for '" + name + "': " + value);
    }
    return Optional.of(Boolean.parseBoolean(value));
  }

  boolean hasBody() {
    return body.length > 0 && !new String(body, StandardCharsets.UTF_8).isBlank();
  }

  /** Reads the JSON body, refusing unknown fields and malformed JSON like the array does. */
  <T> T body(Class<T> type, boolean required) {
    if (!hasBody()) {
      if (required) {
        throw ApiException.badRequest("Request body is required.");
      }
      return json.readValue("{}", type);
    }
    try {
      return json.readValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw ApiException.badRequest(
          e.getPropertyName(), "Unknown field '" + e.getPropertyName() + "'.");
    } catch (JacksonException e) {
      throw ApiException.badRequest("Malformed JSON request body: " + e.getOriginalMessage());
    }
  }

  /** Fields newer than the addressed version are unknown to it, and the array refuses them. */
  void requireVersion(int minimumMinor, String field, Object value) {
    if (value != null && minor < minimumMinor) {
      throw ApiException.badRequest(
          field, "Field '" + field + "' requires REST 2." + minimumMinor + " or later.");
    }
  }
}
