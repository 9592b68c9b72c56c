package org.workspaceportal.workspace.engine;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
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
 */
public enum StepKind {
  ACCOUNT("Create the object-store account", WorkspaceFacts::workspace, Operation.PROVISION),
  USER("Create the object-store user", WorkspaceFacts::workspace, Operation.PROVISION),
  ACCESS_KEY("Create the access key", WorkspaceFacts::workspace, Operation.PROVISION),
  BUCKET("Create the bucket", WorkspaceFacts::workspace, Operation.PROVISION),
  DATAHUB("Create the NFS datahub file system", WorkspaceFacts::datahub, Operation.PROVISION),
  VERIFY("Prove the key works over S3", WorkspaceFacts::workspace, Operation.PROVISION),
  REMOVE_WORKERS(
      "Decommission the workers no longer wanted, then remove them",
      WorkspaceFacts::cluster,
      Operation.RESIZE),
  CLAIM(
      "Take a ready cluster from the template's warm pool",
      WorkspaceFacts::mayClaim,
      Operation.PROVISION),
  PLACE(
      "Choose hosts and lease cores, memory and ports",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.RESIZE),
  IMAGE(
      "Make sure every host has the image",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.RESIZE,
      Operation.REPAIR),
  NOTEBOOK(
      "Start the Jupyter notebook (and the Spark master alongside)",
      WorkspaceFacts::notebook,
      Operation.PROVISION,
      Operation.START,
      Operation.REPAIR),
  MASTER(
      "Make sure the Spark master runs",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.REPAIR),
  NOTEBOOK_READY(
      "Wait for the notebook to answer",
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
      "Wait for every worker to join the master",
      WorkspaceFacts::cluster,
      Operation.PROVISION,
      Operation.START,
      Operation.RESIZE,
      Operation.REPAIR),
  STOP_CLUSTER(
      "Stop the cluster (the notebook's files and the data stay)",
      WorkspaceFacts::cluster,
      Operation.STOP),
  REMOVE_CLUSTER(
      "Remove the cluster and its files everywhere it ran",
      WorkspaceFacts::cluster,
      Operation.TEARDOWN),
  RELEASE(
      "Give back the cores, memory and ports it held", WorkspaceFacts::cluster, Operation.TEARDOWN),
  REVOKE_KEYS("Delete the access keys", WorkspaceFacts::workspace, Operation.TEARDOWN),
  REMOVE_BUCKET(
      "Apply the retention choice to the bucket", WorkspaceFacts::workspace, Operation.TEARDOWN),
  REMOVE_DATAHUB(
      "Apply the retention choice to the datahub", WorkspaceFacts::datahub, Operation.TEARDOWN),
  REMOVE_USER("Delete the object-store user", WorkspaceFacts::workspace, Operation.TEARDOWN),
  REMOVE_ACCOUNT(
      "Delete the account if it is empty", WorkspaceFacts::workspace, Operation.TEARDOWN);

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

  /** The steps an operation needs for this workspace, in execution order. */
  public static List<StepKind> plan(Operation operation, WorkspaceFacts workspace) {
    return Arrays.stream(values())
        .filter(k -> k.operations.contains(operation))
        .filter(k -> k.appliesTo.test(workspace))
        .toList();
  }
}
