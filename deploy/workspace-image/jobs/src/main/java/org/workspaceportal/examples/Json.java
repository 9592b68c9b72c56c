package org.workspaceportal.examples;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough JSON writing for the generators' lines and the jobs' results, so that this code needs
 * no library (the cluster's class path and the portal's have different JSON libraries). Writes maps
 * (in their order), collections, arrays of numbers, strings, numbers, booleans and null; a
 * non-finite double becomes null, as JSON has no NaN.
 */
public final class Json {

  private Json() {}

  /** A map of alternating keys and values, kept in that order. */
  public static Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String) {
      string(out, (String) value);
    } else if (value instanceof Double || value instanceof Float) {
      number(out, ((Number) value).doubleValue());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        string(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (value instanceof Collection) {
      out.append('[');
      boolean first = true;
      for (Object item : (Collection<?>) value) {
        out.append(first ? "" : ",");
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (value instanceof double[]) {
      double[] array = (double[]) value;
      out.append('[');
      for (int i = 0; i < array.length; i++) {
        out.append(i == 0 ? "" : ",");
        number(out, array[i]);
      }
      out.append(']');
    } else if (value instanceof long[]) {
      long[] array = (long[]) value;
      out.append('[');
      for (int i = 0; i < array.length; i++) {
        out.append(i == 0 ? "" : ",").append(array[i]);
      }
      out.append(']');
    } else if (value instanceof Object[]) {
      write(out, java.util.Arrays.asList((Object[]) value));
    } else {
      throw new IllegalArgumentException("no JSON for " + value.getClass().getName());
    }
  }

  private static void number(StringBuilder out, double d) {
    if (Double.isFinite(d)) {
      out.append(d);
    } else {
      out.append("null");
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
