package org.workspaceportal.flashbladesim;

import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The order {@code sort=} asks for: a comma-separated list of fields, nested ones dotted ({@code
 * account.name}), each descending when marked with {@code -} (Pure's client appends it, {@code
 * name-}; a leading {@code -name} is read the same way). Numbers sort as numbers, strings by their
 * characters, {@code false} before {@code true}, and {@code null} first (last when descending).
 * Sorting on a field the items do not have, or on an object or list, is refused as not simulated
 * rather than left unsorted.
 */
final class ItemOrder {

  private ItemOrder() {}

  static List<JsonNode> sort(List<JsonNode> nodes, String sort) {
    Comparator<JsonNode> order = null;
    for (String key : sort.split(",", -1)) {
      Comparator<JsonNode> byKey = byKey(nodes, key.strip(), sort);
      order = order == null ? byKey : order.thenComparing(byKey);
    }
    return nodes.stream().sorted(order).toList();
  }

  private static Comparator<JsonNode> byKey(List<JsonNode> nodes, String key, String sort) {
    boolean descending = key.startsWith("-") || key.endsWith("-");
    String field = key.replaceAll("^-|-$", "");
    if (!field.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
      throw ApiException.badRequest(sort, "Invalid sort '" + key + "'.");
    }
    for (JsonNode node : nodes) {
      JsonNode value = at(node, field);
      if (value.isMissingNode() || value.isContainer()) {
        throw ApiException.badRequest(sort, "Sorting on '" + field + "' is not simulated.");
      }
    }
    Comparator<JsonNode> ascending = (a, b) -> compare(at(a, field), at(b, field));
    return descending ? ascending.reversed() : ascending;
  }

  private static JsonNode at(JsonNode node, String field) {
    JsonNode value = node;
    for (String part : field.split("\\.")) {
      if (value.isNull()) {
        return value;
      }
      value = value.path(part);
    }
    return value;
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNull() || b.isNull()) {
      return Boolean.compare(!a.isNull(), !b.isNull());
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    if (a.isBoolean() && b.isBoolean()) {
      return Boolean.compare(a.asBoolean(), b.asBoolean());
    }
    return a.asString().compareTo(b.asString());
  }
}
