package org.workspaceportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.workspaceportal.common.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 on the API as {@code application/problem+json}, never an HTML page or an empty body.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;

  ProblemSecurityHandlers(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (e instanceof LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      write(
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "login-throttled",
          "Too many failed sign-ins",
          "Too many failed sign-ins for this user or from this address; try again in "
              + throttled.retryAfterSeconds()
              + " seconds.",
          request);
      return;
    }
    // Bearer only: a Basic challenge would make browsers pop up their own sign-in dialog
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"workspace-portal\"");
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "Authentication required",
        "Send 'Authorization: Bearer <token>' with a valid, unexpired API token.",
        request);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (e instanceof CsrfException) {
      write(
          response,
          HttpStatus.FORBIDDEN,
          "csrf",
          "CSRF token missing or invalid",
          "This request rides on a browser session, so it needs the session's CSRF token in the"
              + " X-CSRF-TOKEN header; scripts send 'Authorization: Bearer <token>' instead.",
          request);
      return;
    }
    write(
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "Forbidden",
        "This operation needs the ADMIN role.",
        request);
  }

  private void write(
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail,
      HttpServletRequest request)
      throws IOException {
    ProblemDetail problem = ProblemResponses.of(status, type, title, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    ProblemResponses.write(response, json, problem);
  }
}
