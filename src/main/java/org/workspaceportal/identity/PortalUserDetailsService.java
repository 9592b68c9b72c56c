package org.workspaceportal.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Form and HTTP Basic login against the local users table (bcrypt hashes). */
@Component
class PortalUserDetailsService implements UserDetailsService {

  private final UserRepository users;

  PortalUserDetailsService(UserRepository users) {
    this.users = users;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String username) {
    User user =
        users
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    return org.springframework.security.core.userdetails.User.withUsername(user.username())
        .password(user.passwordHash())
        .disabled(!user.enabled())
        .authorities(authorities(user.role()))
        .build();
  }

  static String[] authorities(Role role) {
    return role == Role.ADMIN
        ? new String[] {Role.ADMIN.authority(), Role.USER.authority()}
        : new String[] {Role.USER.authority()};
  }
}
