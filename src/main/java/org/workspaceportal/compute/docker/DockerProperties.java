package org.workspaceportal.compute.docker;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The docker-java adapter.
 *
 * @param connectTimeout how long to wait for a connection to an engine
 * @param responseTimeout how long to wait for an answer to one call (image pulls stream and are not
 *     bound by it)
 * @param minimumApiVersion the oldest Engine API the portal works with; an engine that speaks only
 *     older ones is refused with a message saying so
 * @param maxConnections connections kept per engine
 */
@Validated
@ConfigurationProperties("portal.compute.docker")
record DockerProperties(
    @DefaultValue("3s") Duration connectTimeout,
    @DefaultValue("30s") Duration responseTimeout,
    @DefaultValue("1.41") @NotBlank String minimumApiVersion,
    @DefaultValue("20") int maxConnections) {}
