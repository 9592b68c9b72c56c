package org.workspaceportal.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.host.HostLeaseRepository.Usage;

/**
 * The room on the hosts as it is now, without leasing anything: whether a cluster would be placed
 * at once or wait (an approver sees it before approving). Placing itself is {@link
 * CapacityService}'s, under its lock; this answer may be out of date a moment later, which is fine
 * for a hint.
 */
@Service
public class FreeRoom {

  private final DockerHostRepository hosts;
  private final HostHealthRepository health;
  private final HostLeaseRepository leases;

  FreeRoom(DockerHostRepository hosts, HostHealthRepository health, HostLeaseRepository leases) {
    this.hosts = hosts;
    this.health = health;
    this.leases = leases;
  }

  /**
   * Empty when the demands would be placed now; else why not, in the words a waiting placement uses
   * ("needs 3 cores and 5.0 GB on one host …; free: …").
   */
  @Transactional(readOnly = true)
  public Optional<String> shortageNow(List<Demand> demands) {
    try {
      Placements.assign(demands, free(), null, false);
      return Optional.empty();
    } catch (NoCapacityException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** What the usable hosts (UP, not drained) offer in all, leased or not. */
  public record Offered(int cpus, int memoryMb) {}

  /** What the usable hosts offer in all: the whole a warm pool's share is taken of. */
  @Transactional(readOnly = true)
  public Offered offered() {
    int cpus = 0;
    int memoryMb = 0;
    for (Placements.Room r : rooms(Map.of())) {
      cpus += r.cpus();
      memoryMb += r.memoryMb();
    }
    return new Offered(cpus, memoryMb);
  }

  /**
   * The free room of each UP, undrained host (what it offers less what is leased there), by name.
   */
  List<Placements.Room> free() {
    return rooms(
        leases.usageByHost().stream()
            .collect(Collectors.toMap(Usage::hostId, Function.identity())));
  }

  /** What each UP, undrained host offers less what is {@code used} there, by name. */
  private List<Placements.Room> rooms(Map<UUID, Usage> used) {
    Map<UUID, HostHealth> seen =
        health.findAll().stream()
            .collect(Collectors.toMap(HostHealth::hostId, Function.identity()));
    List<Placements.Room> rooms = new ArrayList<>();
    for (DockerHost h : hosts.findAll()) {
      HostHealth s = seen.get(h.id());
      if (h.drained() || s == null || s.status() != HostStatus.UP) {
        continue;
      }
      Usage u = used.get(h.id());
      rooms.add(
          new Placements.Room(
              h.id(),
              h.name(),
              s.offeredCpus(h.cpus()) - (u == null ? 0 : (int) u.cpus()),
              s.offeredMemoryMb(h.memoryMb()) - (u == null ? 0 : (int) u.memoryMb())));
    }
    rooms.sort(java.util.Comparator.comparing(Placements.Room::name));
    return rooms;
  }
}
