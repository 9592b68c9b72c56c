package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The part of the REST 2.x {@code filter=} language clients use with these resources: {@code
 * field='value'} (with {@code *} wildcards, dotted paths such as {@code user.name}), {@code
 * field!='value'}, {@code contains(field,'value')}, joined by {@code and}. Anything else is refused
 * with 400 rather than silently matching everything.
 */
final class ItemFilter {

  private static final String VALUE = "(?:'([^']*)'|\"([^\"]*)\"|([A-Za-z0-9_.+-]+))";
  private static final Pattern COMPARISON =
      Pattern.compile("\\s*([a-z_][a-z0-9_.]*)\\s*(!=|=)\\s*" + VALUE + "\\s*");
  private static final Pattern CONTAINS =
      Pattern.compile("\\s*contains\\(\\s*([a-z_][a-z0-9_.]*)\\s*,\\s*" + VALUE + "\\s*\\)\\s*");
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

  private ItemFilter() {}

  static Predicate<JsonNode> parse(String expression) {
    Predicate<JsonNode> result = node -> true;
    for (String term : splitOutsideQuotes(expression)) {
      result = result.and(term(term, expression));
    }
    return result;
  }

  private static Predicate<JsonNode> term(String term, String expression) {
    Matcher comparison = COMPARISON.matcher(term);
    if (comparison.matches()) {
      Pattern glob = glob(value(comparison, 3));
      Predicate<JsonNode> equal = node -> anyValue(node, comparison.group(1), glob);
      return comparison.group(2).equals("=") ? equal : equal.negate();
    }
    Matcher contains = CONTAINS.matcher(term);
    if (contains.matches()) {
      Pattern glob = glob("*" + value(contains, 2) + "*");
      return node -> anyValue(node, contains.group(1), glob);
    }
    throw ApiException.badRequest(expression, "Invalid filter.");
  }

  private static boolean anyValue(JsonNode node, String path, Pattern glob) {
    JsonNode value = node;
    for (String part : path.split("\\.")) {
      value = value == null ? null : value.get(part);
    }
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (glob.matcher(element.asString()).matches()) {
          return true;
        }
      }
      return false;
    }
    return glob.matcher(value.asString()).matches();
  }

  private static String value(Matcher matcher, int firstGroup) {
    for (int group = firstGroup; group < firstGroup + 3; group++) {
      if (matcher.group(group) != null) {
        return matcher.group(group);
      }
    }
    return "";
  }

  private static Pattern glob(String value) {
    var regex = new StringBuilder();
    for (String part : value.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Splits on "and" only where it is not inside a quoted value such as 'sand and sea'. */
  private static List<String> splitOutsideQuotes(String expression) {
    List<String> terms = new ArrayList<>();
    var masked = new StringBuilder(expression);
    char quote = 0;
    for (int i = 0; i < masked.length(); i++) {
      char c = masked.charAt(i);
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (quote != 0) {
        masked.setCharAt(i, 'x');
      }
    }
    Matcher and = AND.matcher(masked);
    int start = 0;
    while (and.find()) {
      terms.add(expression.substring(start, and.start()));
      start = and.end();
    }
    terms.add(expression.substring(start));
    return terms;
  }
}
