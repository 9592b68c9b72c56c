/**
 * Identity: local users with roles USER and ADMIN, personal API tokens, and the security filter
 * chains (form login for pages, stateless bearer tokens for {@code /api/**}). Other modules see
 * users through {@link org.workspaceportal.identity.IdentityService} and the acting user through
 * {@link org.workspaceportal.identity.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Identity",
    allowedDependencies = "common")
package org.workspaceportal.identity;
