package org.workspaceportal.workspace.runtime;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * How the portal runs Spark clusters: the one contract between the workspace's steps and whatever
 * runs them (JupyterHub calls its equivalent the Spawner). The caller owns the state: which
 * clusters exist, with which roles and secrets. The runtime keeps only what it needs to find its
 * own work again (where each role was placed) and is otherwise stateless.
 *
 * <p>Every method is idempotent: a step may run it again after a crash or a retry, so it looks for
 * what an earlier call made (by the cluster's id and the role's name) before it makes anything, and
 * never makes a second copy. Failures are {@link
 * org.workspaceportal.common.ExternalSystemException}s saying whether another attempt may help; "no
 * room now" is a {@link NoRoomException}, a reason to wait rather than a failure.
 */
public interface ClusterRuntime {

  /**
   * Reserves room (cores, memory, whatever a role needs to be reached) for every role of the spec
   * that has none yet; roles reserved before keep theirs, so a grown cluster reserves only its new
   * workers. Throws {@link NoRoomException} when there is no room now. A warm-pool cluster's room
   * counts against the hosts, not against anyone's quota.
   */
  void reserve(ClusterSpec spec);

  /**
   * Starts making, in the background, what a newly placed cluster's roles will run in (the Docker
   * runtime: the cluster's network and pod), so that its first launch finds it made while the steps
   * between (the storage's) ran. Returns at once; nothing is waited for, and a failure is only
   * logged: every launch makes whatever is missing itself.
   */
  default void prepareAhead(ClusterSpec spec) {}

  /**
   * A spare pod for a new cluster of these roles: when the host a placement would choose holds one
   * (a network and an idle pod made ahead by {@link #keepSpares}), the roles are placed there as
   * {@link #reserve} would place them and the spare's id is returned, the id the new cluster must
   * carry (its pod and network are named by it); its launch finds the pod running. Empty, with
   * nothing changed, when there is no spare there or no room now: reserve as usual. In the caller's
   * transaction, which records the cluster under that id (or nothing happened).
   */
  default Optional<UUID> adoptSpare(List<Role> roles) {
    return Optional.empty();
  }

  /**
   * Keeps {@code perHost} spare pods on every host that takes workspaces, each made with the first
   * of {@code images} the host has (a host with none of them gets none: no image is fetched for a
   * spare), and removes the spares of hosts that no longer take workspaces and those beyond {@code
   * perHost}, and those whose pod no longer runs; {@code add} false only removes. Returns how many
   * spares there are after the pass (made or being made). A spare that cannot be made or removed on
   * one host is logged and the pass goes on; a failure to read the portal's own records is thrown.
   */
  default int keepSpares(List<String> images, int perHost, boolean add) {
    return 0;
  }

  /**
   * Throws {@link NoRoomException} (with {@code never()} true) when these roles could not run even
   * if every resource were free: a request is then refused instead of left waiting forever.
   */
  void requireCanEverFit(List<Role> roles);

  /**
   * Empty when room for these roles would be found now; else why not, in the words a waiting
   * reservation uses. A hint for people (an approver, a requester): it may change a moment later.
   */
  Optional<String> shortageNow(List<Role> roles);

  /** What these roles would hold on the hosts, beside what the usable hosts offer in all. */
  Footprint footprint(List<Role> roles);

  /** A warm-pool cluster now serves a workspace: the room it holds counts as a workspace's. */
  void claimed(UUID clusterId);

  /** Gives back the room of one role (a worker removed by a resize). */
  void release(UUID clusterId, String role);

  /** Gives back all the room the cluster held; nothing held is not an error. */
  void release(UUID clusterId);

  /**
   * Makes sure the cluster's image is where its roles will run: present, or being fetched (then
   * call again), or a failure whose message says where it is missing and how to get it there.
   */
  Preparation prepare(ClusterSpec spec);

  /**
   * Makes sure these roles run, all at once (a role already running is left as it is; one that
   * stopped is started again); returns what each role's run looks like.
   */
  List<Member> launch(ClusterSpec spec, Collection<String> roles);

  /**
   * Runs these roles anew from the spec: whatever runs of them is removed first (their files stay),
   * so that a changed setting (a new Jupyter token) takes effect; then as {@link #launch}.
   */
  List<Member> replace(ClusterSpec spec, Collection<String> roles);

  /**
   * How the cluster is asked whether it is ready, with where its notebook and master answer looked
   * up once: a wait polls every few dozen milliseconds at first and must not look the places up at
   * every poll. For one wait (the places do not change while a step waits).
   */
  Readiness readiness(ClusterSpec spec);

  /** Asks a cluster whether it is ready, at the places {@link #readiness} found. */
  interface Readiness {

    /**
     * Whether the cluster's notebook answers a request signed with its key (false for a warm-pool
     * cluster).
     */
    boolean notebookAnswers();

    /**
     * How many workers the cluster's master lists alive (asked with a request signed with the
     * cluster's secret); -1 when the master does not answer.
     */
    int workersAlive();
  }

  /**
   * The roles that stopped and will not come back by waiting (a port taken, a bad setting), each
   * with its last lines. A round trip to every place the cluster runs: callers ask every few
   * seconds, not at every poll.
   */
  List<Exited> exited(UUID clusterId);

  /**
   * The places (hosts, by name) the cluster is placed on that cannot be asked now, by role, from
   * what the last health checks said (a place that no longer exists counts); none is asked. Empty
   * when every place answers, or the cluster has no place.
   */
  Map<String, String> silentPlaces(UUID clusterId);

  /** What runs of these roles: the ones that do not, and the places that cannot be asked now. */
  Census census(UUID clusterId, Collection<String> roles);

  /** Asks these workers to leave the cluster gracefully (Spark moves their work elsewhere). */
  void decommission(UUID clusterId, Collection<String> roles);

  /** Removes these roles and what only they used (a worker's scratch space). */
  void remove(UUID clusterId, Collection<String> roles);

  /**
   * Reads the notebook's files where they are, whether the notebook runs or not (a role that exited
   * keeps them), handing each to {@code reader}; false, without a call, when the cluster has no
   * notebook files on any host (never placed, or stopped).
   */
  boolean readNotebookFiles(ClusterSpec spec, NotebookFiles.Reader reader);

  /**
   * Writes files into the notebook's folder on its placed host before the notebook starts: its
   * files are there when Jupyter opens. Files already there with other names stay.
   */
  void writeNotebookFiles(ClusterSpec spec, java.util.Iterator<NotebookFiles.Source> files);

  /**
   * Stops the cluster: removes every role and everything made for them on the hosts, the notebook's
   * files included (the caller saved them first); the datahub's content is the array's and stays.
   * Room on the hosts goes back with {@link #release(UUID)}.
   */
  void stop(ClusterSpec spec);

  /**
   * Removes everything made for the cluster, everywhere, files included. A place that cannot be
   * asked now makes this fail (transient) if the cluster ran there, unless {@code skipUnreachable}:
   * then what is left there is the {@link #removeLeftovers} sweep's.
   */
  void removeAll(UUID clusterId, boolean skipUnreachable);

  /** The last {@code lines} lines a role wrote; a failure to read them says why. */
  List<String> logs(UUID clusterId, String role, int lines);

  /** Where the cluster's UIs are reached from the portal; empty before it was placed. */
  Optional<Endpoints> endpoints(UUID clusterId);

  /** Where each role runs, in words for people (a host's name), by role. */
  Map<String, String> locations(UUID clusterId);

  /**
   * What the cluster is doing, for idle stop; empty when the notebook or the master does not
   * answer.
   */
  Optional<Activity> activity(ClusterSpec spec);

  /**
   * Removes what this portal made for clusters that are gone, once it is older than {@code minAge}
   * (a step may be about to record something just made). {@code gone} is asked which of the cluster
   * ids the runtime found are gone. Returns what was removed.
   */
  List<Leftover> removeLeftovers(Function<Set<UUID>, Set<UUID>> gone, Duration minAge);
}
