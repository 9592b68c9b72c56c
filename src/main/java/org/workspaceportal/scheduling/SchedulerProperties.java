package org.workspaceportal.scheduling;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduler that runs every module's jobs and recurring tasks, claimed from PostgreSQL.
 *
 * @param enabled run jobs and recurring tasks in this instance (an instance with false only serves
 *     pages and the API; jobs it queues run on the others)
 * @param threads jobs run in parallel by this instance
 * @param pollingInterval how often an idle instance looks for due jobs (jobs queued by this
 *     instance start at once regardless)
 * @param heartbeatInterval how often a running job proves it is alive; a job whose instance died is
 *     taken over after a few missed heartbeats
 */
@Validated
@ConfigurationProperties("portal.scheduler")
record SchedulerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("8") @Min(1) int threads,
    @DefaultValue("5s") Duration pollingInterval,
    @DefaultValue("5s") Duration heartbeatInterval) {}
