package org.workspaceportal.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.identity.IdentityEvents.UserCreated;
import org.workspaceportal.identity.IdentityEvents.UserRoleChanged;

/**
 * The portal's record of people who sign in through the provider: made at the first sign-in from
 * the claims, linked to the provider's subject for good, and brought up to date at each sign-in
 * (name, e-mail, and the role the groups give). A person the portal has disabled stays out,
 * whatever the provider says; one the provider refuses never gets this far.
 */
@Component
class SsoAccounts {

  /** The portal's usernames ({@link NewUser}); a claim that is not one is refused, not mangled. */
  static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  SsoAccounts(
      UserRepository users,
      PasswordEncoder passwords,
      ApplicationEventPublisher events,
      Clock clock,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.users = users;
    this.passwords = passwords;
    this.events = events;
    this.clock = clock;
  }

  /** Who the provider says signed in. */
  record Claims(
      String issuer,
      String subject,
      String username,
      String displayName,
      String email,
      boolean admin,
      java.util.Set<String> groups) {}

  /**
   * Why the portal refuses someone the provider signed in; {@code code} names the login page's
   * message.
   */
  static final class Refused extends RuntimeException {
    private final String code;

    Refused(String code, String message) {
      super(message);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  /**
   * The account of whoever the provider signed in, made or refreshed.
   *
   * @throws Refused when the portal has disabled her, or the name her claim gives is not a username
   *     or is a local account's
   */
  @Transactional
  UserAccount signedIn(Claims who) {
    Role role = who.admin() ? Role.ADMIN : Role.USER;
    Optional<User> linked = users.findBySsoIssuerAndSsoSubject(who.issuer(), who.subject());
    if (linked.isPresent()) {
      User user = linked.get();
      if (!user.enabled()) {
        throw new Refused("disabled", "the portal's admins have disabled " + user.username());
      }
      Role before = user.role();
      user.refreshFromProvider(who.displayName(), who.email(), role);
      if (before != role) {
        events.publishEvent(new UserRoleChanged(user.username(), before, role, "sso"));
      }
      rememberGroups(user, who.groups());
      return user.toAccount();
    }
    String username = who.username();
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new Refused(
          "bad-name",
          "the provider's username claim gives '"
              + username
              + "', which is not a portal username (3 to 64 lowercase letters, digits, '.', '_'"
              + " or '-', starting with a letter)");
    }
    if (users.existsByUsername(username)) {
      // never take over a local account (or another provider's) because a claim names it
      throw new Refused(
          "name-taken", "the portal already has an account named " + username + " of its own");
    }
    User user =
        User.signedInThrough(
            who.issuer(), who.subject(), username, unusablePassword(), role, clock.instant());
    user.refreshFromProvider(who.displayName(), who.email(), role);
    try {
      users.saveAndFlush(user);
    } catch (DataIntegrityViolationException raced) {
      // the same person signing in twice at once: the other request made her
      return users
          .findBySsoIssuerAndSsoSubject(who.issuer(), who.subject())
          .map(User::toAccount)
          .orElseThrow(
              () ->
                  new Refused("name-taken", "the portal already has an account named " + username));
    }
    events.publishEvent(new UserCreated(username, role, "sso"));
    rememberGroups(user, who.groups());
    return user.toAccount();
  }

  /** The groups of her sign-in, for the teams bound to a group ({@link TeamService}). */
  private void rememberGroups(User user, java.util.Set<String> groups) {
    jdbc.sql("delete from user_groups where user_id = ?").param(user.id()).update();
    for (String group : groups) {
      if (group.length() <= 200) {
        jdbc.sql("insert into user_groups (user_id, group_name) values (?, ?)")
            .params(user.id(), group)
            .update();
      }
    }
  }

  /**
   * Whether {@code username} is a person the provider signs in: her password sign-in is refused
   * (she has none that anyone knows).
   */
  @Transactional(readOnly = true)
  boolean linkedToProvider(String username) {
    return users.findByUsername(username).map(User::linkedToProvider).orElse(false);
  }

  /** A hash of 32 random bytes nobody keeps: no password signs her in. */
  private String unusablePassword() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return passwords.encode(Base64.getEncoder().encodeToString(secret));
  }
}
