package org.workspaceportal.workspace.lifetime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What happens when a workspace reaches its {@code expiresAt}: it stops (it is not deleted), and is
 * deleted with its retention choice only after it has stayed expired for {@code keepStoppedFor}.
 *
 * @param warnAhead how long before its expiry the pages warn ("expires in 5 hours")
 * @param keepStoppedFor how long an expired workspace is kept (stopped) before it is deleted,
 *     unless an admin has saved another number of days ({@link ExpirySettings}, on the admin "All
 *     workspaces" page or {@code /api/v1/admin/settings/expiry}); an approved extension in that
 *     time saves it
 * @param checkInterval how often expired workspaces are looked for
 */
@Validated
@ConfigurationProperties("portal.workspace.expiry")
public record ExpiryProperties(
    @DefaultValue("24h") Duration warnAhead,
    @DefaultValue("14d") Duration keepStoppedFor,
    @DefaultValue("1m") Duration checkInterval) {}
