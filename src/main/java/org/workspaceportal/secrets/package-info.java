/**
 * Secrets at rest: AES-GCM encryption of S3 secret keys and other credentials the portal must keep,
 * with a key from {@code PORTAL_SECRET_KEY} (in the embedded default, generated once into the data
 * directory). Other modules store only what {@link org.workspaceportal.secrets.SecretCipher}
 * returns.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Secrets",
    allowedDependencies = "common")
package org.workspaceportal.secrets;
