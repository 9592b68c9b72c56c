package org.workspaceportal.workspace.lifetime;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Idle stop (each template sets its own idle time; a template without one never stops anything).
 *
 * @param checkInterval how often READY workspaces of such templates are asked for their activity
 */
@Validated
@ConfigurationProperties("portal.workspace.idle-stop")
record IdleStopProperties(@DefaultValue("1m") Duration checkInterval) {}
