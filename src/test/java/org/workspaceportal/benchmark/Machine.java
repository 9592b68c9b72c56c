package org.workspaceportal.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the figures came from: the machine's cores and CPU model, and its load, which on a shared
 * machine moves every figure (JVM start-up fights for the same cores).
 */
final class Machine {

  private Machine() {}

  static String describe() {
    String model =
        read("/proc/cpuinfo")
            .lines()
            .filter(l -> l.startsWith("model name"))
            .map(l -> l.substring(l.indexOf(':') + 1).strip())
            .findFirst()
            .orElse("unknown CPU");
    long memoryMb =
        read("/proc/meminfo")
            .lines()
            .filter(l -> l.startsWith("MemTotal:"))
            .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024)
            .findFirst()
            .orElse(0L);
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + model
        + "), "
        + memoryMb
        + " MB";
  }

  /** The 1, 5 and 15 minute load averages. */
  static String load() {
    String[] fields = read("/proc/loadavg").strip().split("\\s+");
    return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }
}
