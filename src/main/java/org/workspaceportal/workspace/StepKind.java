package org.workspaceportal.workspace;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The steps of every operation, in execution order. A kind may serve several operations (starting a
 * stopped workspace runs the container and readiness steps of provisioning again). Each step is
 * idempotent: it looks for what an earlier attempt made (names derive from the workspace id) before
 * it creates anything. Each kind is run by exactly one {@link StepHandler}; a kind without one
 * stops the portal at start-up.
 */
public enum StepKind {
  ACCOUNT("Create the object-store account", always(), Operation.PROVISION),
  USER("Create the object-store user", always(), Operation.PROVISION),
  ACCESS_KEY("Create the access key", always(), Operation.PROVISION),
  BUCKET("Create the bucket", always(), Operation.PROVISION),
  DATAHUB("Create the NFS datahub file system", WorkspaceFacts::datahub, Operation.PROVISION),
  VERIFY("Prove the key works over S3", always(), Operation.PROVISION),
  REMOVE_WORKERS(
      "Decommission the workers no longer wanted, then remove them",
      WorkspaceFacts::cluster,
      Operation.RESIZE),
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
      WorkspaceFacts::cluster,
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
      WorkspaceFacts::cluster,
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
  STOP_CONTAINERS(
      "Stop the containers (the notebook's files and the data stay)",
      WorkspaceFacts::cluster,
      Operation.STOP),
  REMOVE_CONTAINERS(
      "Remove the containers and volumes on every host",
      WorkspaceFacts::cluster,
      Operation.TEARDOWN),
  RELEASE_HOSTS(
      "Give back the hosts' cores, memory and ports", WorkspaceFacts::cluster, Operation.TEARDOWN),
  REVOKE_KEYS("Delete the access keys", always(), Operation.TEARDOWN),
  REMOVE_BUCKET("Apply the retention choice to the bucket", always(), Operation.TEARDOWN),
  REMOVE_DATAHUB(
      "Apply the retention choice to the datahub", WorkspaceFacts::datahub, Operation.TEARDOWN),
  REMOVE_USER("Delete the object-store user", always(), Operation.TEARDOWN),
  REMOVE_ACCOUNT("Delete the account if it is empty", always(), Operation.TEARDOWN);

  private final String label;
  private final Predicate<WorkspaceFacts> appliesTo;
  private final Set<Operation> operations;

  StepKind(String label, Predicate<WorkspaceFacts> appliesTo, Operation first, Operation... more) {
    this.label = label;
    this.appliesTo = appliesTo;
    this.operations = EnumSet.of(first, more);
  }

  private static Predicate<WorkspaceFacts> always() {
    return ws -> true;
  }

  /** The operations this step belongs to. */
  public Set<Operation> operations() {
    return EnumSet.copyOf(operations);
  }

  public String label() {
    return label;
  }

  /** The steps an operation needs for this workspace, in execution order. */
  static List<StepKind> plan(Operation operation, WorkspaceFacts workspace) {
    return Arrays.stream(values())
        .filter(k -> k.operations.contains(operation))
        .filter(k -> k.appliesTo.test(workspace))
        .toList();
  }
}
