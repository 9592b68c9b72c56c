package org.workspaceportal.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal API tokens.
 *
 * @param maxLifetime how far ahead a token's expiry may be set (a token without one lives until
 *     revoked)
 */
@ConfigurationProperties("portal.identity.tokens")
record ApiTokenProperties(@DefaultValue("366d") Duration maxLifetime) {}
