package org.workspaceportal.workspace.runtime;

/**
 * One part of a Spark cluster and what it may use.
 *
 * @param name unique in its cluster: {@code master}, {@code notebook}, {@code worker-1}…
 * @param cpus the cores it may use; a worker reserves them on the hosts, the master and the
 *     notebook (light, mostly idle) use them without a reservation
 * @param memoryMb the memory it may use; for a worker, what its executors get (the runtime adds
 *     what the worker daemon itself needs)
 */
public record Role(String name, Kind kind, int cpus, int memoryMb) {

  /** What a role does in the cluster. */
  public enum Kind {
    MASTER,
    WORKER,
    NOTEBOOK
  }

  public static final String MASTER = "master";
  public static final String NOTEBOOK = "notebook";
  private static final String WORKER_PREFIX = "worker-";

  public Role {
    if (name == null || name.isBlank() || kind == null || cpus < 0 || memoryMb < 1) {
      throw new IllegalArgumentException("a role needs a name, a kind, cores and memory");
    }
  }

  /** The name of the {@code i}-th worker, from 1. */
  public static String worker(int i) {
    return WORKER_PREFIX + i;
  }

  /** The number in a worker's name ({@code worker-3} is 3); 0 for the master and the notebook. */
  public static int workerNumber(String role) {
    return role.startsWith(WORKER_PREFIX)
        ? Integer.parseInt(role.substring(WORKER_PREFIX.length()))
        : 0;
  }

  /** Whether it reserves its cores on the hosts (the workers do). */
  public boolean reservesCpus() {
    return kind == Kind.WORKER;
  }
}
