package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;

class StepHandlersTest {

  @Test
  void aStepKindWithoutAHandlerStopsTheStart() {
    Set<StepKind> allButVerify = EnumSet.allOf(StepKind.class);
    allButVerify.remove(StepKind.VERIFY);

    assertThatThrownBy(() -> new StepHandlers(List.of(handlerOf(allButVerify))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No step handler for VERIFY");
  }

  @Test
  void aStepKindWithTwoHandlersStopsTheStart() {
    assertThatThrownBy(
            () ->
                new StepHandlers(
                    List.of(
                        handlerOf(EnumSet.allOf(StepKind.class)),
                        handlerOf(EnumSet.of(StepKind.BUCKET)))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("BUCKET has two handlers");
  }

  @Test
  void everyKindFindsItsHandler() {
    StepHandler storage = handlerOf(kindsOf(Operation.PROVISION));
    Set<StepKind> rest = kindsOf(Operation.TEARDOWN);
    rest.addAll(kindsOf(Operation.STOP));
    rest.add(StepKind.REMOVE_WORKERS); // the resize's other kinds are provisioning's
    Set<StepKind> startOnly = kindsOf(Operation.START); // a start's own: placing, restoring files
    startOnly.removeAll(kindsOf(Operation.PROVISION));
    rest.addAll(startOnly);
    StepHandler teardown = handlerOf(rest);

    StepHandlers handlers = new StepHandlers(List.of(storage, teardown));

    assertThat(handlers.forKind(StepKind.DATAHUB)).isSameAs(storage);
    assertThat(handlers.forKind(StepKind.REMOVE_USER)).isSameAs(teardown);
  }

  /** Every kind the operation may run, whatever the workspace (all its facts true). */
  private static Set<StepKind> kindsOf(Operation operation) {
    WorkspaceFacts everything =
        new WorkspaceFacts(
            UUID.randomUUID(),
            "w",
            "o",
            UUID.randomUUID(),
            2,
            1,
            1024,
            true,
            Retention.DESTROY,
            true,
            false,
            true,
            null);
    return EnumSet.copyOf(StepKind.plan(operation, everything));
  }

  private static StepHandler handlerOf(Set<StepKind> kinds) {
    return new StepHandler() {
      @Override
      public Set<StepKind> kinds() {
        return kinds;
      }

      @Override
      public StepOutcome run(StepAttempt step) {
        return StepOutcome.done();
      }
    };
  }
}
