package org.workspaceportal.workspace.pool;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Warm pools: how often the pool manager tends them (fill, check, drain) and how long a pool
 * cluster may take to come up before it is replaced. The size of each pool is a template setting.
 *
 * @param interval how often every pool is tended; also how soon a claimed cluster is replaced
 * @param startTimeout a pool cluster whose workers have not all joined by then is removed and
 *     replaced
 * @param yieldFor a refill waits while a workspace is being started, for at most this long since
 *     that workspace's last change (its notebook and daemons get the cores first)
 * @param sparePodsPerHost how many spare pods (a cluster's network and idle pod, made before any
 *     workspace asks; see {@code ClusterRuntime#keepSpares}) each host that takes workspaces keeps,
 *     for the next new workspaces' notebooks to start a quarter second sooner; 0 for none. Each
 *     holds a subnet and two ports of its host, no cores or memory.
 */
@Validated
@ConfigurationProperties("portal.workspace.pool")
record PoolProperties(
    @DefaultValue("2s") @NotNull Duration interval,
    @DefaultValue("5m") @NotNull Duration startTimeout,
    @DefaultValue("1m") @NotNull Duration yieldFor,
    @DefaultValue("1") @Min(0) @Max(16) int sparePodsPerHost) {}
