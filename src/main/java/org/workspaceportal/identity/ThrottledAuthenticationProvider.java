package org.workspaceportal.identity;

import java.time.Duration;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Username and password sign-in (the login form and HTTP Basic alike) behind the {@link
 * LoginThrottle}: a throttled attempt is refused before the password is checked, so that guessing
 * gets nowhere even with the right password among the guesses.
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

  private final DaoAuthenticationProvider passwords;
  private final LoginThrottle throttle;
  private final LocalSignIn local;

  ThrottledAuthenticationProvider(
      UserDetailsService users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      LocalSignIn local) {
    this.passwords = new DaoAuthenticationProvider(users);
    this.passwords.setPasswordEncoder(encoder);
    this.throttle = throttle;
    this.local = local;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String username = attempt.getName();
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    Optional<Duration> wait = throttle.refusal(username, address);
    if (wait.isPresent()) {
      throw new LoginThrottledException(wait.get());
    }
    try {
      if (!local.allows(username)) {
        // the same answer as a wrong password: a refusal says nothing about the account
        throw new BadCredentialsException("password sign-in is off for " + username);
      }
      Authentication signedIn = passwords.authenticate(attempt);
      throttle.succeeded(username, address);
      return signedIn;
    } catch (AuthenticationException failed) {
      throttle.failed(username, address);
      throw failed;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
