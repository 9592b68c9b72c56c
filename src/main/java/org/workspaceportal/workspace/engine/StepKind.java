package org.workspaceportal.workspace.engine;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;

/**
 * The steps of every operation, in execution order. A kind may serve several operations (starting a
 * stopped workspace runs the launch and readiness steps of provisioning again), and a subject's
 * facts say which apply (a warm-pool cluster has no storage and no notebook). Kinds speak of
 * clusters and roles; how a cluster runs is the {@link
 * org.workspaceportal.workspace.runtime.ClusterRuntime}'s. Each step is idempotent: it looks for
 * what an earlier attempt made (names derive from the workspace id) before it creates anything.
 * Each kind is run by exactly one {@link StepHandler}; a kind without one stops the portal at
 * start-up.
 *
 * <p>A new workspace is placed before its storage is made: a workspace that waits for room waits
 * with nothing made for it yet, and what the runtime prepares for a placed cluster (the Docker
 * runtime: its network and pod) is made while the storage steps run instead of after them.
 */
public enum StepKind {
  REMOVE_WORKERS("Remove the workers no longer wanted", WorkspaceFacts::cluster, Operation.RESIZE),
  CLAIM("Take a ready cluster from the warm pool", WorkspaceFacts::mayClaim, Operation.PROVISION),
  PLACE(
      "Reserve cores",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.RESIZE),
  IMAGE(
      "Get the workspace image",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.RESIZE,
      Operation.REPAIR),
  ACCOUNT("Create the storage account", WorkspaceFacts::workspace, Operation.PROVISION),
  USER("Create the storage user", WorkspaceFacts::workspace, Operation.PROVISION),
  ACCESS_KEY("Create the access key", WorkspaceFacts::workspace, Operation.PROVISION),
  BUCKET("Create the bucket", WorkspaceFacts::workspace, Operation.PROVISION),
  DATAHUB("Create the shared NFS folder", WorkspaceFacts::datahub, Operation.PROVISION),
  VERIFY("Check the new key works", WorkspaceFacts::workspace, Operation.PROVISION),
  RESTORE_FILES("Restore the notebooks from the bucket", WorkspaceFacts::notebook, Operation.START),
  NOTEBOOK(
      "Start Jupyter",
      WorkspaceFacts::notebook,
      Operation.PROVISION,
      Operation.START,
      Operation.REPAIR),
  MASTER(
      "Start the Spark master",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.REPAIR),
  NOTEBOOK_READY(
      "Waiting for the notebook",
      WorkspaceFacts::notebook,
      Operation.PROVISION,
      Operation.START,
      Operation.REPAIR),
  WORKERS(
      "Start the Spark workers",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.RESIZE,
      Operation.REPAIR),
  WORKERS_READY(
      "Waiting for the workers to join",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.RESIZE,
      Operation.REPAIR),
  SAVE_FILES(
      "Save the notebooks to the bucket",
      WorkspaceFacts::notebook,
      Operation.STOP,
      Operation.TEARDOWN),
  STOP_CLUSTER("Stop the cluster", WorkspaceFacts::cluster, Operation.STOP),
  REMOVE_CLUSTER("Remove the containers", WorkspaceFacts::cluster, Operation.TEARDOWN),
  RELEASE(
      "Give back cores, memory and ports",
      WorkspaceFacts::cluster,
      Operation.STOP,
      Operation.TEARDOWN),
  REVOKE_KEYS("Delete the access keys", WorkspaceFacts::workspace, Operation.TEARDOWN),
  REMOVE_BUCKET("Keep or remove the bucket", WorkspaceFacts::workspace, Operation.TEARDOWN),
  REMOVE_DATAHUB("Keep or remove the NFS folder", WorkspaceFacts::datahub, Operation.TEARDOWN),
  REMOVE_USER("Delete the storage user", WorkspaceFacts::workspace, Operation.TEARDOWN),
  REMOVE_ACCOUNT("Delete the storage account", WorkspaceFacts::workspace, Operation.TEARDOWN);

  private final String label;
  private final Predicate<WorkspaceFacts> appliesTo;
  private final Set<Operation> operations;

  StepKind(String label, Predicate<WorkspaceFacts> appliesTo, Operation first, Operation... more) {
    this.label = label;
    this.appliesTo = appliesTo;
    this.operations = EnumSet.of(first, more);
  }

  public String label() {
    return label;
  }

  /**
   * The steps an operation needs for this workspace, in execution order. A move is a stop then a
   * start, step for step: the handlers of the stop's steps know not to wait for the silent host.
   */
  public static List<StepKind> plan(Operation operation, WorkspaceFacts workspace) {
    if (operation == Operation.MOVE) {
      return Stream.concat(
              plan(Operation.STOP, workspace).stream(), plan(Operation.START, workspace).stream())
          .toList();
    }
    return Arrays.stream(values())
        .filter(k -> k.operations.contains(operation))
        .filter(k -> k.appliesTo.test(workspace))
        .toList();
  }
}
