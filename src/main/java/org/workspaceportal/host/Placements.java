package org.workspaceportal.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Chooses the host for a cluster: all its containers go to one host, on the cluster's own network
 * there (Spark's daemons advertise the address they bind, so a cluster cannot span two hosts'
 * private networks). The host with the most free memory among those with room for all of it, or the
 * host it already runs on when it grows. Pure: the caller gives the room there is and records the
 * outcome.
 */
final class Placements {

  private Placements() {}

  /** Room on one host, in cores and MB. */
  record Room(UUID hostId, String name, int cpus, int memoryMb) {}

  /**
   * The one host for all the demands; {@code pinned}, when not null, is the only one allowed (the
   * cluster runs there already). Throws {@link NoCapacityException} saying what the cluster needs
   * together and the room there was.
   */
  static UUID assign(List<Demand> demands, List<Room> rooms, UUID pinned, boolean ever) {
    if (rooms.isEmpty()) {
      throw new NoCapacityException(
          ever
              ? "No Docker host is registered: an admin must register one (Hosts page)."
              : "No Docker host is up and undrained to run it on.",
          ever);
    }
    int cpus = demands.stream().mapToInt(Demand::cpus).sum();
    int memoryMb = demands.stream().mapToInt(Demand::memoryMb).sum();
    return rooms.stream()
        .filter(r -> pinned == null || r.hostId().equals(pinned))
        .filter(r -> r.cpus() >= cpus && r.memoryMb() >= memoryMb)
        .sorted(
            Comparator.comparingInt((Room r) -> -r.memoryMb())
                .thenComparingInt(r -> -r.cpus())
                .thenComparing(Room::name))
        .map(Room::hostId)
        .findFirst()
        .orElseThrow(() -> shortage(demands, cpus, memoryMb, rooms, pinned, ever));
  }

  private static NoCapacityException shortage(
      List<Demand> demands, int cpus, int memoryMb, List<Room> rooms, UUID pinned, boolean ever) {
    List<String> room = new ArrayList<>();
    for (Room r : rooms) {
      if (pinned == null || r.hostId().equals(pinned)) {
        // overcommitted (a host's cores lowered below what is leased there) is "0 free", not less
        room.add(r.name() + " " + cores(Math.max(0, r.cpus())) + " and " + memory(r.memoryMb()));
      }
    }
    String what =
        demands.size() == 1
            ? demands.getFirst().role()
            : demands.stream().map(Demand::role).collect(Collectors.joining(", "));
    String need =
        "needs " + cores(cpus) + " and " + memory(memoryMb) + " on one host (" + what + ")";
    String where = pinned == null ? "" : " (the host the cluster runs on)";
    return new NoCapacityException(
        (ever
                ? "This workspace can never fit on the registered hosts: "
                : "Not enough free room on the hosts now: ")
            + need
            + where
            + (ever ? "; the hosts offer at most " : "; free: ")
            + (room.isEmpty() ? "nothing" : String.join(", ", room))
            + ".",
        ever);
  }

  /**
   * Memory in the unit the request form and the template pages use (GB with one decimal), so that a
   * wait's "needs 5.0 GB" reads against a template's "1.0 GB per worker".
   */
  static String memory(int mb) {
    return String.format(java.util.Locale.ROOT, "%.1f GB", Math.max(0, mb) / 1024.0);
  }

  private static String cores(int n) {
    return n + (n == 1 ? " core" : " cores");
  }
}
