package org.workspaceportal.workspace;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The steps of every operation, in execution order. Each step is idempotent: it looks for what an
 * earlier attempt made (names derive from the workspace id) before it creates anything. Each kind
 * is run by exactly one {@link StepHandler}; a kind without one stops the portal at start-up.
 */
public enum StepKind {
  ACCOUNT(Operation.PROVISION, "Create the object-store account"),
  USER(Operation.PROVISION, "Create the object-store user"),
  ACCESS_KEY(Operation.PROVISION, "Create the access key"),
  BUCKET(Operation.PROVISION, "Create the bucket"),
  DATAHUB(Operation.PROVISION, "Create the NFS datahub file system", WorkspaceFacts::datahub),
  VERIFY(Operation.PROVISION, "Prove the key works over S3"),
  PLACE(
      Operation.PROVISION,
      "Choose hosts and lease cores, memory and ports",
      WorkspaceFacts::cluster),
  IMAGE(Operation.PROVISION, "Make sure every host has the image", WorkspaceFacts::cluster),
  MASTER(Operation.PROVISION, "Start the Spark master", WorkspaceFacts::cluster),
  WORKERS(Operation.PROVISION, "Start the Spark workers", WorkspaceFacts::cluster),
  NOTEBOOK(Operation.PROVISION, "Start the Jupyter notebook", WorkspaceFacts::cluster),
  NOTEBOOK_READY(Operation.PROVISION, "Wait for the notebook to answer", WorkspaceFacts::cluster),
  WORKERS_READY(
      Operation.PROVISION, "Wait for every worker to join the master", WorkspaceFacts::cluster),
  REMOVE_CONTAINERS(
      Operation.TEARDOWN,
      "Remove the containers and volumes on every host",
      WorkspaceFacts::cluster),
  RELEASE_HOSTS(
      Operation.TEARDOWN, "Give back the hosts' cores, memory and ports", WorkspaceFacts::cluster),
  REVOKE_KEYS(Operation.TEARDOWN, "Delete the access keys"),
  REMOVE_BUCKET(Operation.TEARDOWN, "Apply the retention choice to the bucket"),
  REMOVE_DATAHUB(
      Operation.TEARDOWN, "Apply the retention choice to the datahub", WorkspaceFacts::datahub),
  REMOVE_USER(Operation.TEARDOWN, "Delete the object-store user"),
  REMOVE_ACCOUNT(Operation.TEARDOWN, "Delete the account if it is empty");

  private final Operation operation;
  private final String label;
  private final Predicate<WorkspaceFacts> appliesTo;

  StepKind(Operation operation, String label) {
    this(operation, label, ws -> true);
  }

  StepKind(Operation operation, String label, Predicate<WorkspaceFacts> appliesTo) {
    this.operation = operation;
    this.label = label;
    this.appliesTo = appliesTo;
  }

  public Operation operation() {
    return operation;
  }

  public String label() {
    return label;
  }

  /** The steps an operation needs for this workspace, in execution order. */
  static List<StepKind> plan(Operation operation, WorkspaceFacts workspace) {
    return Arrays.stream(values())
        .filter(k -> k.operation == operation)
        .filter(k -> k.appliesTo.test(workspace))
        .toList();
  }
}
