package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.IdentityFixtures.Account;

/**
 * Failed sign-ins are throttled per username and per client address, on the login form and on HTTP
 * Basic alike, in PostgreSQL so that every portal instance sees the same count. Each test uses its
 * own (documentation-range) address so that tests do not throttle each other.
 */
@PortalIntegrationTest
class LoginThrottleTest {

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired AuditService audit;
  @Autowired DataSource dataSource;
  @Autowired LoginThrottleProperties limits;
  @Autowired ApplicationEventPublisher events;

  /** A new address for every call, so that no two tests share an address's count. */
  private static final AtomicInteger ADDRESSES =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(0, 1 << 16));

  private static String someAddress() {
    int n = ADDRESSES.incrementAndGet() & 0xffff;
    return "10.199." + (n >> 8) + "." + (n & 0xff);
  }

  private static String anotherAddress() {
    return someAddress();
  }

  private static RequestPostProcessor from(String address) {
    return r -> {
      r.setRemoteAddr(address);
      return r;
    };
  }

  private MockHttpServletResponse basic(String username, String password, String address)
      throws Exception {
    return mvc.perform(
            post("/api/v1/tokens")
                .with(httpBasic(username, password))
                .with(from(address))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"throttle\"}"))
        .andReturn()
        .getResponse();
  }

  private MockHttpServletResponse form(String username, String password, String address)
      throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address)))
        .andReturn()
        .getResponse();
  }

  @Test
  void fiftyWrongPasswordsAndThenTheRightOneIsStillRefusedWithRetryAfter() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "guessed");
    String address = someAddress();
    for (int i = 0; i < 50; i++) {
      assertThat(basic(user.username(), "guess-" + i, address).getStatus()).isIn(401, 429);
    }

    MockHttpServletResponse right = basic(user.username(), user.password(), address);

    assertThat(right.getStatus()).isEqualTo(429);
    assertThat(right.getContentType()).startsWith("application/problem+json");
    assertThat(right.getContentAsString()).contains("login-throttled", "Too many failed sign-ins");
    assertThat(Long.parseLong(right.getHeader("Retry-After"))).isPositive();
    assertThat(tokens.list(user.username())).hasSize(1); // only the fixture's own token
  }

  @Test
  void theLoginFormIsThrottledTooAndSaysSo() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "form-guessed");
    String address = someAddress();
    for (int i = 0; i < limits.maxFailuresPerUser(); i++) {
      assertThat(form(user.username(), "guess-" + i, address).getRedirectedUrl())
          .isEqualTo("/login?error");
    }

    MockHttpServletResponse right = form(user.username(), user.password(), address);

    assertThat(right.getRedirectedUrl()).isEqualTo("/login?throttled");
    assertThat(Long.parseLong(right.getHeader("Retry-After"))).isPositive();
  }

  @Test
  void failuresOverBasicAndTheFormCountTogetherForOneUsername() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "mixed");
    for (int i = 0; i < limits.maxFailuresPerUser(); i++) {
      // from a different address each time: the username alone is what is throttled here
      if (i % 2 == 0) {
        basic(user.username(), "wrong", someAddress());
      } else {
        form(user.username(), "wrong", someAddress());
      }
    }

    assertThat(basic(user.username(), user.password(), someAddress()).getStatus()).isEqualTo(429);
  }

  @Test
  void oneAddressTryingManyUsernamesIsThrottledForEveryUsername() throws Exception {
    String address = someAddress();
    for (int i = 0; i < limits.maxFailuresPerAddress(); i++) {
      basic(IdentityFixtures.uniqueUsername("sprayed"), "password-123", address);
    }
    Account victim = IdentityFixtures.newAccount(identity, tokens, Role.USER, "sprayed-real");

    assertThat(basic(victim.username(), victim.password(), address).getStatus()).isEqualTo(429);
    assertThat(basic(victim.username(), victim.password(), anotherAddress()).getStatus())
        .as("the same user from another address")
        .isEqualTo(201);
  }

  @Test
  void namesSprayedFromASharedAddressDoNotLockOutAUserWhoSignedInThereBefore() throws Exception {
    String shared = someAddress();
    Account admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "known-here");
    assertThat(basic(admin.username(), admin.password(), shared).getStatus()).isEqualTo(201);
    // someone else on the same address (a workspace's code behind a shared address) sprays names
    for (int i = 0; i < limits.maxFailuresPerAddress(); i++) {
      basic(IdentityFixtures.uniqueUsername("sprayed"), "password-123", shared);
    }
    Account stranger = IdentityFixtures.newAccount(identity, tokens, Role.USER, "new-here");

    assertThat(basic(admin.username(), admin.password(), shared).getStatus())
        .as("a user who signed in from this address before")
        .isEqualTo(201);
    assertThat(basic(stranger.username(), stranger.password(), shared).getStatus())
        .as("a username never signed in from here is still held back by the address's count")
        .isEqualTo(429);
    for (int i = 0; i < limits.maxFailuresPerUser(); i++) {
      basic(admin.username(), "wrong", shared);
    }
    assertThat(basic(admin.username(), admin.password(), shared).getStatus())
        .as("the known user's own failures still count")
        .isEqualTo(429);
  }

  @Test
  void aThrottledAttemptIsAuditedWithTheAddress() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "audited");
    String address = someAddress();
    for (int i = 0; i <= limits.maxFailuresPerUser(); i++) {
      basic(user.username(), "wrong", address);
    }

    assertThat(audit.page(0, 200, "login.throttled").getContent())
        .filteredOn(e -> user.username().equals(e.target()))
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.remoteAddress()).isEqualTo(address);
              assertThat(e.detail()).contains("retry after");
            });
  }

  @Test
  void aSuccessfulSignInForgivesEarlierMistakesOfThatUsername() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "forgiven");
    String address = someAddress();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < limits.maxFailuresPerUser() - 1; i++) {
        basic(user.username(), "typo", address);
      }
      assertThat(basic(user.username(), user.password(), address).getStatus()).isEqualTo(201);
    }
  }

  @Test
  void twoPortalInstancesShareTheCount() {
    // a second instance: its own throttle on the same database
    LoginThrottle one = new LoginThrottle(dataSource, limits, events);
    LoginThrottle other = new LoginThrottle(dataSource, limits, events);
    String username = IdentityFixtures.uniqueUsername("twin");
    String address = someAddress();

    for (int i = 0; i < limits.maxFailuresPerUser(); i++) {
      assertThat(other.refusal(username, address)).isEmpty();
      one.failed(username, address);
    }

    assertThat(other.refusal(username, anotherAddress()))
        .hasValueSatisfying(
            wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(limits.window()));
  }
}
