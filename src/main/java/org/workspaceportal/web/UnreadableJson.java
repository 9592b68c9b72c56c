package org.workspaceportal.web;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Which field of a JSON body could not be read, and why, in words a script author understands. */
final class UnreadableJson {

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate .*?\"([^\"]*)\"");

  private UnreadableJson() {}

  /** {@code {field, message}}, or null when the body is not JSON at all or no field is to blame. */
  static Map<String, String> fieldError(Throwable failure) {
    JacksonException jackson = find(failure);
    if (jackson == null) {
      return null;
    }
    Matcher duplicate = DUPLICATE.matcher(String.valueOf(jackson.getOriginalMessage()));
    if (duplicate.find()) {
      return Map.of("field", prefixed(jackson, duplicate.group(1)), "message", "appears twice");
    }
    String field = path(jackson);
    if (field.isEmpty() && jackson.processor() instanceof JsonParser parser) {
      field = String.valueOf(parser.currentName());
    }
    if (field.isEmpty() || "null".equals(field)) {
      return null;
    }
    return Map.of("field", field, "message", describe(jackson));
  }

  private static String describe(JacksonException failure) {
    if (failure instanceof UnrecognizedPropertyException unknown) {
      return "is not a field of this request; known: "
          + unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
    }
    if (failure instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      Class<?> type = mismatch.getTargetType();
      if (type.isEnum()) {
        return "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(String::valueOf)
                .collect(Collectors.joining(", "));
      }
      if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
        return "must be a whole number";
      }
      if (type == Boolean.class || type == boolean.class) {
        return "must be true or false";
      }
      if (type == String.class) {
        return "must be a string";
      }
      if (Temporal.class.isAssignableFrom(type)) {
        return "must be a date and time like 2030-01-31T18:00:00Z";
      }
      if (type == UUID.class) {
        return "must be a UUID";
      }
    }
    return "has a value of the wrong kind";
  }

  private static String path(JacksonException failure) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : failure.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String prefixed(JacksonException failure, String name) {
    String parent = path(failure);
    return parent.isEmpty() || parent.endsWith(name) ? name : parent + "." + name;
  }

  private static JacksonException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof JacksonException j) {
        return j;
      }
    }
    return null;
  }
}
