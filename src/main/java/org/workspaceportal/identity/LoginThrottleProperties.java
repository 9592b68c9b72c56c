package org.workspaceportal.identity;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed sign-ins (form or HTTP Basic) are tolerated before further attempts wait. Each
 * limit is a bucket that refills evenly over {@code window}: after {@code maxFailuresPerUser}
 * failures one more attempt is allowed every {@code window / maxFailuresPerUser}.
 *
 * @param maxFailuresPerUser failures for one username, from anywhere, before it is throttled
 * @param maxFailuresPerAddress failures from one client address, for any usernames, before it is
 *     throttled (higher: several people may share an address)
 * @param window how long a full bucket takes to refill
 * @param trustFor a username that signed in successfully from an address is not held back there by
 *     the address's failures (other usernames' failures, maybe someone else's) for this long; its
 *     own failures still count
 */
@Validated
@ConfigurationProperties("portal.identity.login-throttle")
record LoginThrottleProperties(
    @DefaultValue("5") @Min(1) int maxFailuresPerUser,
    @DefaultValue("30") @Min(1) int maxFailuresPerAddress,
    @DefaultValue("15m") Duration window,
    @DefaultValue("30d") Duration trustFor) {}
