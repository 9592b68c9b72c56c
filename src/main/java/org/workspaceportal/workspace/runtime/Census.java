package org.workspaceportal.workspace.runtime;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What runs of a cluster's roles.
 *
 * @param unreachable places (hosts) the cluster runs on that cannot be asked now: nothing is known
 *     of the roles there, so none of them is reported absent
 * @param draining places the cluster runs on that are being emptied (an admin drained a host): what
 *     runs there goes on running, but nothing new should stay
 * @param absent the roles that do not run
 */
public record Census(List<String> unreachable, List<String> draining, List<Absent> absent) {

  /** What {@link Absent#what()} says of a role of which nothing is left at all. */
  public static final String VANISHED = "vanished";

  public Census {
    unreachable = List.copyOf(unreachable);
    draining = List.copyOf(draining);
    absent = List.copyOf(absent);
  }

  /** A role that does not run: vanished, or in the runtime's own word for it (exited…). */
  public record Absent(String role, String location, String what) {

    @Override
    public String toString() {
      return role + " on " + location + " (" + what + ")";
    }
  }

  /** Everything runs and every place answered. */
  public boolean healthy() {
    return unreachable.isEmpty() && absent.isEmpty();
  }

  /** The absent roles, in words: "worker-1 on host-a (exited), master on host-b (vanished)". */
  public String absentInWords() {
    return absent.stream().map(Absent::toString).collect(Collectors.joining(", "));
  }
}
