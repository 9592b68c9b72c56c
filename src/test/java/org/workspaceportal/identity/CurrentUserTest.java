package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CurrentUserTest {

  @Test
  void aUserMayAccessOnlyWhatTheyOwn() {
    CurrentUser alice = new CurrentUser("alice", false);
    assertThat(alice.mayAccess("alice")).isTrue();
    assertThat(alice.mayAccess("bob")).isFalse();
  }

  @Test
  void anAdminMayAccessEverything() {
    assertThat(new CurrentUser("root", true).mayAccess("bob")).isTrue();
  }

  @Test
  void theAdminFlagComesFromTheAdminRoleAuthority() {
    var admin =
        UsernamePasswordAuthenticationToken.authenticated(
            "root", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_USER"));
    var user =
        UsernamePasswordAuthenticationToken.authenticated(
            "alice", null, AuthorityUtils.createAuthorityList("ROLE_USER"));
    var lookalike =
        UsernamePasswordAuthenticationToken.authenticated(
            "eve", null, AuthorityUtils.createAuthorityList("ADMIN"));

    assertThat(CurrentUser.of(admin)).isEqualTo(new CurrentUser("root", true));
    assertThat(CurrentUser.of(user)).isEqualTo(new CurrentUser("alice", false));
    assertThat(CurrentUser.of(lookalike).admin()).isFalse();
  }

  @Test
  void anAdminHasBothRolesSoEveryUserEndpointAcceptsThem() {
    assertThat(PortalUserDetailsService.authorities(Role.ADMIN))
        .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_USER");
    assertThat(PortalUserDetailsService.authorities(Role.USER)).containsExactly("ROLE_USER");
  }
}
