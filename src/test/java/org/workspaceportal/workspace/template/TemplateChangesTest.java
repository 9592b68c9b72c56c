package org.workspaceportal.workspace.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit trail's before → after of a template edit. */
class TemplateChangesTest {

  private static TemplateView template(int poolSize, int maxWorkers, Integer idleStopMinutes) {
    return new TemplateView(
        UUID.randomUUID(),
        "spark-small",
        "Small",
        "workspace-portal/spark:4.0",
        "4.0.1",
        2,
        maxWorkers,
        1,
        2048,
        false,
        true,
        true,
        idleStopMinutes,
        poolSize,
        null);
  }

  @Test
  void aPoolResizedIsSaidBeforeAndAfter() {
    assertThat(TemplateChanges.between(template(0, 4, null), template(2, 4, null)))
        .containsExactly("warm pool 0 → 2");
  }

  @Test
  void everyChangedFieldIsListedAndAnUnsetOneIsNone() {
    assertThat(TemplateChanges.between(template(1, 4, null), template(0, 6, 30)))
        .containsExactly("warm pool 1 → 0", "max workers 4 → 6", "idle stop (minutes) none → 30");
  }

  @Test
  void anEditThatChangesNothingSaysNothing() {
    assertThat(TemplateChanges.between(template(1, 4, 60), template(1, 4, 60))).isEmpty();
  }
}
