package org.workspaceportal.storage.flashblade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resource calls of REST 2.x ({@code /api/<version>/<resource>}) with a session: lists that follow
 * {@code continuation_token}, lookups by name that treat "does not exist" as absent, and create,
 * change and delete calls. On 401 the session is renewed once and the call repeated; retries and
 * error translation are {@link ResilientCalls}'.
 */
final class FlashBladeApi {

  /**
   * Items per page; small enough for quick answers, large enough that a portal's lists fit in one.
   */
  static final int PAGE_SIZE = 200;

  private final FlashBladeHttp http;
  private final Session session;
  private final ResilientCalls calls;
  private final JsonMapper json;

  FlashBladeApi(FlashBladeHttp http, Session session, ResilientCalls calls, JsonMapper json) {
    this.http = http;
    this.session = session;
    this.calls = calls;
    this.json = json;
  }

  RestVersion version() {
    return session.current().version();
  }

  <T> List<T> list(String resource, Map<String, String> query, Class<T> type, String action) {
    List<T> items = new ArrayList<>();
    Set<String> seenTokens = new HashSet<>();
    String token = null;
    do {
      Map<String, String> pageQuery = new LinkedHashMap<>(query);
      pageQuery.put("limit", Integer.toString(PAGE_SIZE));
      if (token != null) {
        pageQuery.put("continuation_token", token);
      }
      Page<T> page = page(call("GET", resource, pageQuery, null, action, false), type, action);
      items.addAll(page.items());
      token = page.continuationToken();
      // An array that hands out the same token twice would otherwise keep this loop busy forever.
    } while (token != null && !token.isBlank() && seenTokens.add(token));
    return items;
  }

  /** The object named {@code name}, or empty when the array says it does not exist. */
  <T> Optional<T> find(String resource, String name, Class<T> type, String action) {
    try {
      Answer answer = call("GET", resource, Map.of("names", name), null, action, false);
      return page(answer, type, action).items().stream().findFirst();
    } catch (FlashBladeRefusal refusal) {
      if (refusal.saysDoesNotExist()) {
        return Optional.empty();
      }
      throw refusal;
    }
  }

  <T> List<T> post(
      String resource, Map<String, String> query, Object body, Class<T> type, String action) {
    return page(call("POST", resource, query, body, action, false), type, action).items();
  }

  /** A POST that reaches the array at most once (see {@link Exchange#once()}). */
  <T> List<T> postOnce(
      String resource, Map<String, String> query, Object body, Class<T> type, String action) {
    return page(call("POST", resource, query, body, action, true), type, action).items();
  }

  void patch(String resource, Map<String, String> query, Object body, String action) {
    call("PATCH", resource, query, body, action, false);
  }

  void delete(String resource, Map<String, String> query, String action) {
    call("DELETE", resource, query, null, action, false);
  }

  private Answer call(
      String method,
      String resource,
      Map<String, String> query,
      Object body,
      String action,
      boolean once) {
    RestVersion version = session.current().version();
    byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
    Exchange exchange =
        new Exchange(method, version.basePath() + resource, query, bytes, resource, once);
    return calls.run(
        action,
        () -> {
          Session.State current = session.current();
          Answer answer = http.send(exchange, session.header(current));
          if (answer.status() == 401) {
            // Sessions expire; a 401 means the array did not act on the request, so repeating it is
            // safe.
            answer = http.send(exchange, session.header(session.renew(current)));
          }
          return answer;
        });
  }

  private <T> Page<T> page(Answer answer, Class<T> type, String action) {
    if (answer.body().length == 0) {
      return new Page<>(List.of(), null);
    }
    JavaType pageType = json.getTypeFactory().constructParametricType(Page.class, type);
    return FlashBladeJson.decode(json, answer.body(), pageType, action);
  }
}
