package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A dotted field path of a filter, such as {@code user.name}, optionally ending in {@code [any]} or
 * {@code [all]} for list fields. Without one, a list field matches when any element does, and
 * {@code !=} when no element is equal.
 *
 * @param index "any", "all" or {@code null}
 */
record FieldPath(List<String> parts, String index, String text, String expression) {

  private static final Pattern PATH =
      Pattern.compile("([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)*)(?:\\[(any|all)])?");

  static FieldPath of(String text, String expression) {
    Matcher matcher = PATH.matcher(text);
    if (!matcher.matches()) {
      throw FilterTokens.invalid(expression);
    }
    return new FieldPath(
        List.of(matcher.group(1).split("\\.")), matcher.group(2), text, expression);
  }

  /**
   * The values at this path: the elements of a list, the value itself otherwise, none below a
   * {@code null}. A field the item does not have at all is refused, since a real array knows fields
   * the simulator does not model.
   */
  List<JsonNode> values(JsonNode item) {
    JsonNode node = item;
    for (String part : parts) {
      if (node.isNull()) {
        return List.of(node);
      }
      node = node.path(part);
      if (node.isMissingNode()) {
        throw FilterTokens.notSimulated(expression, "Filtering on '" + text + "'");
      }
    }
    if (node.isObject()) {
      throw FilterTokens.notSimulated(expression, "Filtering on the object '" + text + "'");
    }
    if (node.isArray()) {
      List<JsonNode> elements = new ArrayList<>();
      node.forEach(elements::add);
      return elements;
    }
    return List.of(node);
  }

  boolean test(JsonNode item, Predicate<JsonNode> condition) {
    List<JsonNode> values = values(item);
    return "all".equals(index)
        ? !values.isEmpty() && values.stream().allMatch(condition)
        : values.stream().anyMatch(condition);
  }

  /** Whether the path says {@code [any]} or {@code [all]} itself. */
  boolean indexed() {
    return index != null;
  }
}
