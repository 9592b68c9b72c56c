package org.workspaceportal.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the example jobs: {@code --name value} pairs and {@code --flag}s, each
 * known in advance, so that a typo stops the job with its usage instead of being ignored.
 */
public final class JobArgs {

  private final Map<String, String> values;

  private JobArgs(Map<String, String> values) {
    this.values = values;
  }

  /**
   * @param options names that take a value
   * @param flags names that take none
   * @throws IllegalArgumentException naming what is wrong
   */
  public static JobArgs parse(String[] args, Set<String> options, Set<String> flags) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      if (flags.contains(name)) {
        values.put(name, "true");
      } else if (options.contains(name)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        values.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    return new JobArgs(values);
  }

  public String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** A required option. */
  public String string(String name) {
    String value = values.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  public long number(String name, long fallback) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, got '" + value + "'");
    }
  }

  public int integer(String name, int fallback) {
    long value = number(name, fallback);
    if (value != (int) value) {
      throw new IllegalArgumentException("--" + name + " is too large: " + value);
    }
    return (int) value;
  }

  public boolean flag(String name) {
    return values.containsKey(name);
  }
}
