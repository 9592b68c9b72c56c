package org.workspaceportal.flashbladesim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/** {@code POST /api/login} (API token to session) and {@code POST /api/logout}. */
final class LoginEndpoints {

  /** The array user an API token belongs to; the simulator has just one. */
  static final String USERNAME = "pureuser";

  private final byte[] apiToken;
  private final SessionRegistry sessions;

  LoginEndpoints(String apiToken, SessionRegistry sessions) {
    this.apiToken = apiToken.getBytes(StandardCharsets.UTF_8);
    this.sessions = sessions;
  }

  record Username(String username) {}

  ApiResponse login(String presentedToken) {
    if (presentedToken == null
        || !MessageDigest.isEqual(apiToken, presentedToken.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(401, List.of(new ApiError(null, "Invalid API token.")));
    }
    String session = sessions.open();
    return new ApiResponse(
        200,
        new ApiResponse.Items(List.of(new Username(USERNAME))),
        Map.of("x-auth-token", session));
  }

  ApiResponse logout(String session) {
    if (!sessions.touch(session)) {
      throw new ApiException(401, List.of(new ApiError(null, "Invalid session.")));
    }
    sessions.close(session);
    return ApiResponse.noContent();
  }
}
