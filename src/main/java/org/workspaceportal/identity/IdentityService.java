package org.workspaceportal.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.IdentityEvents.PasswordChanged;
import org.workspaceportal.identity.IdentityEvents.UserCreated;
import org.workspaceportal.identity.IdentityEvents.UserEnabledChanged;
import org.workspaceportal.identity.IdentityEvents.UserQuotaChanged;
import org.workspaceportal.identity.IdentityEvents.UserRoleChanged;

/** Users: creation, enabling and disabling, roles, passwords, quota overrides. */
@Service
public class IdentityService {

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  IdentityService(
      UserRepository users,
      PasswordEncoder passwordEncoder,
      ApplicationEventPublisher events,
      Clock clock) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public UserAccount createUser(NewUser command, String actor) {
    if (users.existsByUsername(command.username())) {
      throw new UsernameTakenException(command.username());
    }
    User user =
        new User(
            command.username(),
            passwordEncoder.encode(command.password()),
            command.role(),
            clock.instant());
    try {
      users.saveAndFlush(user);
    } catch (DataIntegrityViolationException e) {
      if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("users_username_key")) {
        throw new UsernameTakenException(command.username()); // lost a race for the name
      }
      throw e;
    }
    events.publishEvent(new UserCreated(user.username(), user.role(), actor));
    return user.toAccount();
  }

  @Transactional(readOnly = true)
  public List<UserAccount> listUsers() {
    return users.findAllByOrderByUsernameAsc().stream().map(User::toAccount).toList();
  }

  @Transactional(readOnly = true)
  public Optional<UserAccount> findUser(String username) {
    return users.findByUsername(username).map(User::toAccount);
  }

  @Transactional(readOnly = true)
  public boolean hasAnyUser() {
    return users.count() > 0;
  }

  @Transactional
  public UserAccount setEnabled(String username, boolean enabled, String actor) {
    User user = load(username);
    if (!enabled && username.equals(actor)) {
      throw new InvalidUserRequestException("enabled", "you cannot disable your own account");
    }
    if (user.enabled() != enabled) {
      user.setEnabled(enabled);
      events.publishEvent(new UserEnabledChanged(username, enabled, actor));
    }
    return user.toAccount();
  }

  /**
   * Makes a user an admin or an admin a user. An admin cannot change their own role (another admin
   * can), so the portal never loses its last admin this way. The user's open browser sessions end
   * at their next request: they sign in again with the new role.
   */
  @Transactional
  public UserAccount setRole(String username, Role role, String actor) {
    if (role == null) {
      throw new InvalidUserRequestException("role", "choose USER or ADMIN");
    }
    User user = load(username);
    if (username.equals(actor)) {
      throw new InvalidUserRequestException(
          "role", "you cannot change your own role; another admin can");
    }
    Role before = user.role();
    if (before != role) {
      user.setRole(role);
      events.publishEvent(new UserRoleChanged(username, before, role, actor));
    }
    return user.toAccount();
  }

  /**
   * An admin sets a new password for a user who lost theirs; the user's open browser sessions end
   * at their next request. Its rules are {@link NewPassword}'s, checked by the caller.
   */
  @Transactional
  public void resetPassword(String username, NewPassword password, String actor) {
    User user = load(username);
    refuseIfSingleSignOn(user);
    user.setPasswordHash(passwordEncoder.encode(password.password()));
    events.publishEvent(new PasswordChanged(username, actor));
  }

  /**
   * A user changes their own password, giving the current one first. Their other browser sessions
   * end at their next request.
   *
   * @throws InvalidUserRequestException when {@code current} is not their password, or the new one
   *     is the same
   */
  @Transactional
  public void changeOwnPassword(String username, String current, NewPassword password) {
    User user = load(username);
    refuseIfSingleSignOn(user);
    if (current == null || !passwordEncoder.matches(current, user.passwordHash())) {
      throw new InvalidUserRequestException("currentPassword", "is not your current password");
    }
    if (current.equals(password.password())) {
      throw new InvalidUserRequestException("password", "must differ from the current one");
    }
    user.setPasswordHash(passwordEncoder.encode(password.password()));
    events.publishEvent(new PasswordChanged(username, username));
  }

  /** A person the provider signs in has no portal password to change or reset. */
  private static void refuseIfSingleSignOn(User user) {
    if (user.linkedToProvider()) {
      throw new InvalidUserRequestException(
          "password",
          "this account signs in through the organisation's sign-in service; its password is"
              + " changed there");
    }
  }

  /** Whether {@code username} signs in through the provider (single sign-on). */
  @Transactional(readOnly = true)
  public boolean signsInThroughProvider(String username) {
    return users.findByUsername(username).map(User::linkedToProvider).orElse(false);
  }

  /** The largest quota override an admin may set; beyond it a number is a typing mistake. */
  public static final int MAX_QUOTA = 1_000_000;

  /**
   * Sets both quota overrides; null means the default.
   *
   * @throws InvalidUserRequestException when an override is outside 0..{@value #MAX_QUOTA}
   */
  @Transactional
  public UserAccount setQuota(
      String username, Integer maxWorkspaces, Integer maxWorkers, String actor) {
    checkQuota("maxWorkspaces", maxWorkspaces);
    checkQuota("maxWorkers", maxWorkers);
    User user = load(username);
    user.setQuota(maxWorkspaces, maxWorkers);
    events.publishEvent(new UserQuotaChanged(username, maxWorkspaces, maxWorkers, actor));
    return user.toAccount();
  }

  private static void checkQuota(String field, Integer value) {
    if (value != null && (value < 0 || value > MAX_QUOTA)) {
      throw new InvalidUserRequestException(
          field, "must be a whole number from 0 to " + MAX_QUOTA + ", or empty for the default");
    }
  }

  private User load(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("User '" + username + "'"));
  }
}
