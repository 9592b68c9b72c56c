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
import org.workspaceportal.identity.IdentityEvents.UserCreated;
import org.workspaceportal.identity.IdentityEvents.UserEnabledChanged;
import org.workspaceportal.identity.IdentityEvents.UserQuotaChanged;

/** Users: creation, enabling and disabling, quota overrides. */
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
