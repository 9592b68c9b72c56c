package org.workspaceportal.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider as Spring Security's OAuth 2.0 client sees it: one registration, {@value #ID}, made
 * from the provider's discovery document when it is first needed and kept once made. Until then, or
 * while the provider does not answer, there is none ({@link #findByRegistrationId} gives null and
 * {@link #problem} says why), so the portal starts and its local sign-in works with the provider
 * down. The document is read with a timeout of its own, and its issuer must be the configured one
 * (OpenID Connect Discovery 1.0, section 4.3): a document naming another issuer is refused.
 */
final class SsoRegistrations implements ClientRegistrationRepository {

  static final String ID = "sso";
  private static final Logger log = LoggerFactory.getLogger(SsoRegistrations.class);

  private final SsoProperties properties;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile ClientRegistration registration;
  private volatile String problem;
  private volatile long nextTryNanos;
  private final LongSupplier nanoTime;

  SsoRegistrations(SsoProperties properties) {
    this(properties, System::nanoTime);
  }

  SsoRegistrations(SsoProperties properties, LongSupplier nanoTime) {
    this.properties = properties;
    this.nanoTime = nanoTime;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.discoveryTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    return ID.equals(registrationId) ? registration() : null;
  }

  /**
   * The registration, discovered now if it was not yet; null while the provider cannot be used.
   * After a failure the provider is not asked again for {@code portal.sso.discovery-retry}: sign-in
   * attempts meanwhile get the remembered {@link #problem} at once instead of queueing here behind
   * a request that waits out its timeout.
   */
  ClientRegistration registration() {
    ClientRegistration known = registration;
    if (known != null || (problem != null && nanoTime.getAsLong() - nextTryNanos < 0)) {
      return known;
    }
    synchronized (this) {
      if (registration == null && (problem == null || nanoTime.getAsLong() - nextTryNanos >= 0)) {
        try {
          registration = discover();
          problem = null;
          log.info("Single sign-on: discovered the provider {}", properties.issuer());
        } catch (DiscoveryException e) {
          nextTryNanos = nanoTime.getAsLong() + properties.discoveryRetry().toNanos();
          problem = e.getMessage();
          log.warn(
              "Single sign-on: {} (asking again in {} s at the earliest)",
              e.getMessage(),
              properties.discoveryRetry().toSeconds());
        }
      }
      return registration;
    }
  }

  /** Why the provider cannot be used now; null when it can (or was not tried yet). */
  String problem() {
    return problem;
  }

  private ClientRegistration discover() throws DiscoveryException {
    String issuer = properties.issuer();
    URI document =
        URI.create(
            (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration");
    Map<String, Object> metadata;
    try {
      HttpResponse<String> reply =
          http.send(
              HttpRequest.newBuilder(document)
                  .timeout(properties.discoveryTimeout())
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (reply.statusCode() != 200) {
        throw new DiscoveryException(
            "the provider's discovery document " + document + " answered " + reply.statusCode());
      }
      metadata = json.readValue(reply.body(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException | RuntimeException e) {
      throw new DiscoveryException(
          "the provider's discovery document "
              + document
              + " could not be read: "
              + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DiscoveryException("interrupted while reading " + document);
    }
    if (!issuer.equals(metadata.get("issuer"))) {
      throw new DiscoveryException(
          "the discovery document at "
              + document
              + " names the issuer "
              + metadata.get("issuer")
              + ", not "
              + issuer
              + " (portal.sso.issuer-uri must be the issuer exactly)");
    }
    Set<String> scopes = new LinkedHashSet<>();
    scopes.add("openid");
    scopes.addAll(properties.scopes());
    try {
      return ClientRegistrations.fromOidcConfiguration(metadata)
          .registrationId(ID)
          .clientId(properties.clientId())
          .clientSecret(properties.clientSecret())
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .scope(scopes)
          .userNameAttributeName("sub") // the name the portal gives is set by SsoUserService
          .clientName(properties.buttonLabel())
          .build();
    } catch (RuntimeException e) {
      throw new DiscoveryException(
          "the provider's discovery document " + document + " is not usable: " + e.getMessage());
    }
  }

  static final class DiscoveryException extends Exception {
    DiscoveryException(String message) {
      super(message);
    }
  }
}
