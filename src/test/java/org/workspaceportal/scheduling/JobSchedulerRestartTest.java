package org.workspaceportal.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workspaceportal.PortalIntegrationTest;

/**
 * The engine's scheduler honours the {@link org.springframework.context.SmartLifecycle} contract:
 * it can be stopped and started again. Spring's test context cache does exactly that (it pauses a
 * cached context when another one is used and starts it again when a later test class needs it), as
 * does any {@code stop()}/{@code start()} of the application context.
 */
@PortalIntegrationTest
class JobSchedulerRestartTest {

  @Autowired JobScheduler scheduler;

  @Test
  void theEngineSchedulerCanBeStoppedAndStartedAgain() {
    // db-scheduler's Scheduler is single-use: starting again needs a new one
    scheduler.stop();

    assertThatCode(scheduler::start).doesNotThrowAnyException();
    assertThat(scheduler.isRunning()).isTrue();
  }
}
