package org.workspaceportal.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.IdentityEvents.ApiTokenCreated;
import org.workspaceportal.identity.IdentityEvents.ApiTokenRevoked;

/**
 * Personal API tokens. A token is 32 random bytes; only its SHA-256 is stored (a slow hash buys
 * nothing for a secret with 256 bits of entropy, and lookup by hash keeps authentication O(1)).
 */
@Service
public class ApiTokenService {

  static final String TOKEN_PREFIX = "wsp_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiTokenRepository tokens;
  private final UserRepository users;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final ApiTokenProperties settings;

  ApiTokenService(
      ApiTokenRepository tokens,
      UserRepository users,
      ApplicationEventPublisher events,
      Clock clock,
      ApiTokenProperties settings) {
    this.tokens = tokens;
    this.users = users;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
  }

  @Transactional
  public NewApiToken create(String username, String name, Instant expiresAt) {
    User user =
        users
            .findByUsername(username)
            .orElseThrow(() -> new NotFoundException("User '" + username + "'"));
    if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
      throw new InvalidTokenRequestException("The expiry must be in the future.");
    }
    if (expiresAt != null && expiresAt.isAfter(clock.instant().plus(settings.maxLifetime()))) {
      throw new InvalidTokenRequestException(
          "The expiry must be at most " + settings.maxLifetime().toDays() + " days from now.");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String prefix = token.substring(0, TOKEN_PREFIX.length() + 6);
    ApiToken saved =
        tokens.save(new ApiToken(user.id(), name, hash(token), prefix, clock.instant(), expiresAt));
    events.publishEvent(new ApiTokenCreated(username, name, prefix));
    return new NewApiToken(saved.id(), name, token, prefix, expiresAt);
  }

  @Transactional(readOnly = true)
  public List<ApiTokenView> list(String username) {
    return users
        .findByUsername(username)
        .map(
            u ->
                tokens.findByUserIdOrderByCreatedAtDesc(u.id()).stream()
                    .map(ApiToken::toView)
                    .toList())
        .orElse(List.of());
  }

  /**
   * Revokes one of the caller's own tokens; someone else's token id answers 404 like a missing one.
   */
  @Transactional
  public void revoke(String username, UUID tokenId) {
    User user = users.findByUsername(username).orElseThrow(() -> new NotFoundException("Token"));
    ApiToken token =
        tokens
            .findById(tokenId)
            .filter(t -> t.userId().equals(user.id()))
            .orElseThrow(() -> new NotFoundException("Token"));
    if (!token.revoked()) {
      token.revoke(clock.instant());
      events.publishEvent(new ApiTokenRevoked(username, token.name(), username));
    }
  }

  /**
   * The enabled user a presented token belongs to, if the token is known, unrevoked and unexpired.
   */
  @Transactional
  Optional<User> authenticate(String presented) {
    if (presented == null || !presented.startsWith(TOKEN_PREFIX)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return tokens
        .findByTokenHash(hash(presented))
        .filter(t -> t.usableAt(now))
        .flatMap(
            t -> {
              t.usedAt(now);
              return users.findById(t.userId()).filter(User::enabled);
            });
  }

  static String hash(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
