package org.workspaceportal.flashbladesim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GET side shared by every resource: {@code ids=}, {@code filter=}, {@code sort=}, {@code
 * offset=}, {@code limit=}, {@code continuation_token=} and, where documented, {@code total_only=},
 * answered with the REST 2.x list envelope and the {@code x-next-token} header.
 */
final class Listing {

  private static final String TOKEN_PREFIX = "offset:";

  private final JsonMapper json;

  Listing(JsonMapper json) {
    this.json = json;
  }

  /** The list envelope of every GET; {@code total} only in answers to {@code total_only=true}. */
  record Page(
      String continuationToken,
      long totalItemCount,
      List<JsonNode> items,
      @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode total) {}

  /** A GET of a collection whose documentation has no {@code total_only}. */
  ApiResponse respond(ApiRequest request, List<?> items) {
    return respond(request, items, null);
  }

  /**
   * @param totals how the collection adds up for {@code total_only=true}; {@code null} where the
   *     API does not document {@code total_only}, which is then refused rather than ignored
   */
  ApiResponse respond(ApiRequest request, List<?> items, Totals totals) {
    boolean totalOnly = request.flag("total_only").orElse(false);
    if (totalOnly && totals == null) {
      throw ApiException.badRequest(
          "total_only", "Parameter 'total_only' is not supported on " + request.resource() + ".");
    }
    List<JsonNode> nodes =
        new ArrayList<>(items.stream().map(item -> (JsonNode) json.valueToTree(item)).toList());
    List<String> ids = request.list("ids");
    if (!ids.isEmpty()) {
      if (!request.names().isEmpty()) {
        throw ApiException.badRequest("Parameters 'names' and 'ids' cannot be combined.");
      }
      nodes = selectIds(nodes, ids);
    }
    if (request.param("filter").isPresent()) {
      nodes = nodes.stream().filter(ItemFilter.parse(request.param("filter").get())).toList();
    }
    boolean sorted = request.param("sort").isPresent();
    if (sorted) {
      nodes = ItemOrder.sort(nodes, request.param("sort").get());
    }
    if (totalOnly) {
      // "the total of all items after filtering"; "the items list will be empty"
      return ApiResponse.ok(new Page(null, nodes.size(), List.of(), totals.of(nodes, json)));
    }
    int offset = offset(request);
    int limit = nonNegative(request, "limit", Integer.MAX_VALUE);
    int end = (int) Math.min((long) offset + limit, nodes.size());
    List<JsonNode> page = offset >= nodes.size() ? List.of() : nodes.subList(offset, end);
    // as documented: a token only when items remain and the client did not ask for a sort
    String next = end < nodes.size() && !sorted ? token(end) : null;
    Map<String, String> headers = next == null ? Map.of() : Map.of("x-next-token", next);
    return new ApiResponse(200, new Page(next, nodes.size(), page, null), headers);
  }

  private static List<JsonNode> selectIds(List<JsonNode> nodes, List<String> ids) {
    Set<String> known = Set.copyOf(nodes.stream().map(n -> n.path("id").asString()).toList());
    List<ApiError> missing =
        ids.stream()
            .filter(id -> !known.contains(id))
            .map(id -> new ApiError(id, "Resource does not exist."))
            .toList();
    if (!missing.isEmpty()) {
      throw new ApiException(400, missing);
    }
    return nodes.stream().filter(n -> ids.contains(n.path("id").asString())).toList();
  }

  private static int offset(ApiRequest request) {
    String token = request.param("continuation_token").orElse(null);
    if (token == null) {
      return nonNegative(request, "offset", 0);
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith(TOKEN_PREFIX)) {
        return Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw ApiException.badRequest(token, "Invalid continuation_token.");
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int nonNegative(ApiRequest request, String name, int fallback) {
    String value = request.param(name).orElse(null);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number >= 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw ApiException.badRequest(name, "Invalid value for '" + name + "': " + value);
  }
}
