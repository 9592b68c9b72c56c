package org.workspaceportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Five filter chains. Scripts: {@code /api/**} is stateless and takes bearer tokens; {@code POST
 * /api/v1/tokens} alone also takes HTTP Basic, so that a script can get its first token with a
 * password, and the token endpoints also take the browser's session (with CSRF); {@code /actuator}
 * takes bearer tokens too, health and Prometheus need none. People: everything else uses form login
 * with a session and CSRF; {@code /admin/**} needs ADMIN. Passwords, on the form and in Basic
 * alike, go through the {@link LoginThrottle}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * {@code POST /api/v1/tokens}: the one place a password is accepted on the API (HTTP Basic), so
   * that a script can get its first token.
   */
  @Bean
  @Order(1)
  SecurityFilterChain tokenCreation(
      HttpSecurity http, BearerTokens bearers, ProblemSecurityHandlers problems) throws Exception {
    http.securityMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems));
    return sessionOrBearer(http, bearers, problems).build();
  }

  /** The other token endpoints (list, revoke): a bearer token or the browser's session. */
  @Bean
  @Order(2)
  SecurityFilterChain tokenApi(
      HttpSecurity http, BearerTokens bearers, ProblemSecurityHandlers problems) throws Exception {
    http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**");
    return sessionOrBearer(http, bearers, problems).build();
  }

  // A signed-in browser may use its session on the token endpoints too (the twin of the "my tokens"
  // page); these chains never create a session, and a request that rides on a session cookie needs
  // CSRF.
  private static HttpSecurity sessionOrBearer(
      HttpSecurity http, BearerTokens bearers, ProblemSecurityHandlers problems) throws Exception {
    http.securityContext(c -> c.securityContextRepository(readOnlySessionContext()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::ridesOnSession));
    return bearerApi(http, bearers, problems);
  }

  /** Reads the browser session's sign-in, never creates a session (Basic stays stateless). */
  private static HttpSessionSecurityContextRepository readOnlySessionContext() {
    HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    repository.setAllowSessionCreation(false);
    return repository;
  }

  /** An unsafe request authenticated only by the session cookie: no Authorization header. */
  private static boolean ridesOnSession(HttpServletRequest request) {
    return !SAFE_METHODS.contains(request.getMethod())
        && request.getSession(false) != null
        && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
  }

  @Bean
  @Order(3)
  SecurityFilterChain api(HttpSecurity http, BearerTokens bearers, ProblemSecurityHandlers problems)
      throws Exception {
    http.securityMatcher("/api/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return bearerApi(http, bearers, problems).build();
  }

  /**
   * Actuator: health and Prometheus for anyone (probes, scrapers), everything else for an admin's
   * bearer token, like the API.
   */
  @Bean
  @Order(4)
  SecurityFilterChain actuator(
      HttpSecurity http, ApiTokenIntrospector introspector, ProblemSecurityHandlers problems)
      throws Exception {
    http.securityMatcher("/actuator/**")
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .anyRequest()
                    .hasRole("ADMIN"))
        .oauth2ResourceServer(
            rs ->
                rs.opaqueToken(t -> t.introspector(introspector))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  private static HttpSecurity bearerApi(
      HttpSecurity http, BearerTokens bearers, ProblemSecurityHandlers problems) throws Exception {
    return http.authorizeHttpRequests(
            auth ->
                // approve and reject: an admin, or a team's approver for its members' requests;
                // WorkspaceService decides (403 for anyone else before the id is looked up)
                auth.requestMatchers("/api/v1/admin/**", "/api/v1/workspaces/*/retry")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            rs ->
                rs.authenticationManagerResolver(bearers.resolver())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
  }

  @Bean
  @Order(5)
  SecurityFilterChain pages(
      HttpSecurity http,
      UserDetailsService users,
      ObjectProvider<SsoConfiguration.SsoLogin> singleSignOn)
      throws Exception {
    http.addFilterAfter(new DisabledUserSessionFilter(users), AuthorizationFilter.class);
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/login/sso",
                        "/error",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/favicon.svg",
                        "/v3/api-docs/**",
                        "/swagger-ui/**",
                        "/swagger-ui.html")
                    .permitAll()
                    .requestMatchers("/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(SecurityConfiguration::signInFailed)
                    .permitAll())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"))
                    // workspace ids in our URLs are nobody else's business, Jupyter hosts included
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)));
    SsoConfiguration.SsoLogin sso = singleSignOn.getIfAvailable();
    if (sso != null) {
      sso.applyTo(http);
    }
    return http.build();
  }

  /** Back to the login page with the reason; a throttled attempt also says when to try again. */
  private static void signInFailed(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    String reason = "error";
    if (failure instanceof LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      reason = "throttled";
    }
    response.sendRedirect(request.getContextPath() + "/login?" + reason);
  }
}
