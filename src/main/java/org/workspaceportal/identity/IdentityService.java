package org.workspaceportal.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
    users.saveAndFlush(user);
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

  @Transactional
  public UserAccount setQuota(
      String username, Integer maxWorkspaces, Integer maxWorkers, String actor) {
    User user = load(username);
    user.setQuota(maxWorkspaces, maxWorkers);
    events.publishEvent(new UserQuotaChanged(username, maxWorkspaces, maxWorkers, actor));
    return user.toAccount();
  }

  private User load(String username) {
    return users
        .findByUsername(username)
        .orElseThrow(() -> new NotFoundException("User '" + username + "'"));
  }
}
