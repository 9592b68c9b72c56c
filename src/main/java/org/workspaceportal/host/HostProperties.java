package org.workspaceportal.host;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The host registry.
 *
 * @param checkInterval how often every host's engine is asked whether it answers (one portal
 *     instance does it per tick)
 * @param downAfter a host that stops answering stays UP this long after its last answer, then is
 *     DOWN (one lost check is no outage)
 * @param registerLocalEngine in the embedded default, register the local engine ({@code
 *     DOCKER_HOST} or /var/run/docker.sock) at start-up when it answers and no host is registered
 *     yet
 * @param defaultPortRangeStart first port of the range a new host gets when none is given (below
 *     Linux's ephemeral range, 32768 and up, so outgoing connections never take a leased port)
 * @param defaultPortRangeEnd last port of that range
 * @param networkPool the private range each cluster's own network on a host takes its subnet from
 *     (a {@code /24} each, so 256 clusters per host for a {@code /16}); pick one no network of the
 *     hosts (or the site's) uses
 */
@Validated
@ConfigurationProperties("portal.host")
record HostProperties(
    @DefaultValue("10s") Duration checkInterval,
    @DefaultValue("30s") Duration downAfter,
    @DefaultValue("true") boolean registerLocalEngine,
    @DefaultValue("20000") @Min(1024) @Max(65535) int defaultPortRangeStart,
    @DefaultValue("29999") @Min(1024) @Max(65535) int defaultPortRangeEnd,
    @DefaultValue("10.242.0.0/16") @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){3}/(1[6-9]|2[0-4])")
        String networkPool) {}
