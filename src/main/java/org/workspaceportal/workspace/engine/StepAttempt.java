package org.workspaceportal.workspace.engine;

import java.time.Instant;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;

/**
 * One attempt at a step, already marked RUNNING, handed to the step's {@link StepHandler}.
 *
 * @param attempt which attempt this is (waits do not count)
 * @param waitingSince when the step first answered "check again", or null if it never did
 */
public record StepAttempt(
    WorkspaceFacts workspace,
    long stepId,
    Operation operation,
    StepKind kind,
    int attempt,
    Instant waitingSince)
    implements StepLedger.NextStep {}
