package org.workspaceportal.workspace.engine;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The provisioning engine: jobs claimed from PostgreSQL by db-scheduler.
 *
 * @param maxAttempts attempts of one step before the workspace is FAILED (transient errors only)
 * @param initialBackoff wait before the second attempt; doubles each time (this is the only retry
 *     layer: adapters do not retry, so one attempt is one call of the failing kind)
 * @param maxBackoff the longest wait between attempts, also for a system that asks for longer
 * @param reconcileInterval how often lost jobs are rescheduled and expired workspaces deleted
 * @param inlineWaitLimit a step that asks to be checked again within this time is re-run by the
 *     same job after sleeping (quick readiness polls); a longer wait frees the job's thread and is
 *     rescheduled through the queue
 */
@Validated
@ConfigurationProperties("portal.workspace.engine")
record EngineProperties(
    @DefaultValue("5") @Min(1) int maxAttempts,
    @DefaultValue("1s") Duration initialBackoff,
    @DefaultValue("60s") Duration maxBackoff,
    @DefaultValue("30s") Duration reconcileInterval,
    @DefaultValue("3s") Duration inlineWaitLimit) {

  Duration backoff(int attempt) {
    long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
    Duration d = initialBackoff.multipliedBy(factor);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }

  /**
   * The wait after a failed attempt: the backoff with "equal jitter" (half fixed, half random, so
   * that many workspaces failing on one busy system do not come back in step), or what the system
   * asked for when that is longer, never above {@code maxBackoff}.
   */
  Duration retryWait(int attempt, Duration asked, RandomGenerator random) {
    long ceiling = Math.max(1, backoff(attempt).toMillis());
    long half = ceiling / 2;
    Duration jittered = Duration.ofMillis(ceiling - half + random.nextLong(half + 1));
    if (asked == null || asked.compareTo(jittered) <= 0) {
      return jittered;
    }
    return asked.compareTo(maxBackoff) > 0 ? maxBackoff : asked;
  }
}
