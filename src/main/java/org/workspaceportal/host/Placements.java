package org.workspaceportal.host;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Chooses a host for each container of a workspace: spread containers (workers) go round the hosts
 * with room, fewest of this workspace first; the others go where there is the most room. Pure: the
 * caller gives the room there is and records the outcome.
 */
final class Placements {

  private Placements() {}

  /** Room on one host, in cores and MB. */
  record Room(UUID hostId, String name, int cpus, int memoryMb) {}

  /**
   * One host per role, in the order of the demands; throws {@link NoCapacityException} naming the
   * first demand that finds no room, with the room there was.
   */
  static Map<String, UUID> assign(List<Demand> demands, List<Room> rooms, boolean ever) {
    if (rooms.isEmpty()) {
      throw new NoCapacityException(
          ever
              ? "No Docker host is registered: an admin must register one (Hosts page)."
              : "No Docker host is up and undrained to run it on.",
          ever);
    }
    Map<UUID, int[]> free = new LinkedHashMap<>();
    rooms.forEach(r -> free.put(r.hostId(), new int[] {r.cpus(), r.memoryMb()}));
    Map<UUID, Integer> spreadCount = new HashMap<>();
    Map<String, UUID> chosen = new LinkedHashMap<>();
    for (Demand d : demands) {
      Comparator<Room> order =
          d.spread()
              ? Comparator.<Room>comparingInt(r -> spreadCount.getOrDefault(r.hostId(), 0))
                  .thenComparing(r -> -free.get(r.hostId())[0])
                  .thenComparing(r -> -free.get(r.hostId())[1])
              : Comparator.<Room>comparingInt(r -> -free.get(r.hostId())[1])
                  .thenComparing(r -> -free.get(r.hostId())[0]);
      Room host =
          rooms.stream()
              .filter(r -> free.get(r.hostId())[0] >= d.cpus())
              .filter(r -> free.get(r.hostId())[1] >= d.memoryMb())
              .sorted(order.thenComparing(Room::name))
              .findFirst()
              .orElseThrow(() -> shortage(d, rooms, free, ever));
      free.get(host.hostId())[0] -= d.cpus();
      free.get(host.hostId())[1] -= d.memoryMb();
      if (d.spread()) {
        spreadCount.merge(host.hostId(), 1, Integer::sum);
      }
      chosen.put(d.role(), host.hostId());
    }
    return chosen;
  }

  private static NoCapacityException shortage(
      Demand d, List<Room> rooms, Map<UUID, int[]> free, boolean ever) {
    List<String> room = new ArrayList<>();
    for (Room r : rooms) {
      int[] f = free.get(r.hostId());
      room.add(r.name() + " " + cores(f[0]) + " and " + f[1] + " MB");
    }
    String need = d.role() + " needs " + cores(d.cpus()) + " and " + d.memoryMb() + " MB";
    return new NoCapacityException(
        (ever
                ? "This workspace can never fit on the registered hosts: "
                : "Not enough free room on the hosts now: ")
            + need
            + (ever ? "; the hosts offer at most " : "; free: ")
            + room.stream().collect(Collectors.joining(", "))
            + ".",
        ever);
  }

  private static String cores(int n) {
    return n + (n == 1 ? " core" : " cores");
  }
}
