package dev.workspaceportal.oidcprovider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A small OpenID Connect provider for trying the portal's single sign-on on one machine and for the
 * portal's tests: Spring Authorization Server (discovery, authorization code with PKCE, ID and
 * access tokens as JWTs, RP-initiated logout) with the users of {@link OidcProviderProperties},
 * each in groups that its tokens carry in a {@code groups} claim. Not for production: its users and
 * client secret are settings in plain text, its signing key is made anew at every start.
 *
 * <p>Its package is outside {@code org.workspaceportal} on purpose: where Maven hands the portal's
 * tests this module's classes instead of its runnable jar ({@code ./mvnw test}, no packaging), the
 * portal's component scan must not find them.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OidcProviderApplication {

  public static void main(String[] args) {
    SpringApplication.run(OidcProviderApplication.class, args);
  }
}
