package org.workspaceportal.flashbladesim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.workspaceportal.flashbladesim.FilterTokens.Kind;
import org.workspaceportal.flashbladesim.FilterTokens.Token;
import tools.jackson.databind.JsonNode;

/**
 * The REST 2.x {@code filter=} language as Pure's client writes it ({@code pypureclient.Filter}):
 * comparisons {@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=} on dotted paths
 * such as {@code user.name}, string values in quotes with {@code *} wildcards for equality, numbers
 * and {@code true}/{@code false} bare; {@code field=('a','b')} lists; {@code contains(field,'x')};
 * a bare path tests that the field is set; {@code [any]}/{@code [all]} on list fields; {@code and},
 * {@code or} (and binds tighter), {@code not(...)} and parentheses.
 *
 * <p>Nothing is silently answered wrong: malformed expressions are 400 "Invalid filter."; what the
 * simulator cannot answer faithfully, such as {@code tags(...)}, a field its items do not have, or
 * an ordering of values that have none (booleans, objects, a number against a word), is 400 "... is
 * not simulated.". Ordering compares numbers as numbers and strings by their characters; a {@code
 * null} satisfies no ordering.
 */
final class ItemFilter {

  private final FilterTokens tokens;

  private ItemFilter(FilterTokens tokens) {
    this.tokens = tokens;
  }

  static Predicate<JsonNode> parse(String expression) {
    var parser = new ItemFilter(FilterTokens.of(expression));
    Predicate<JsonNode> filter = parser.orExpression();
    if (parser.tokens.peek().kind() != Kind.END) {
      throw FilterTokens.invalid(expression);
    }
    return filter;
  }

  private Predicate<JsonNode> orExpression() {
    Predicate<JsonNode> result = andExpression();
    while (tokens.takeWordIf("or")) {
      result = result.or(andExpression());
    }
    return result;
  }

  private Predicate<JsonNode> andExpression() {
    Predicate<JsonNode> result = unary();
    while (tokens.takeWordIf("and")) {
      result = result.and(unary());
    }
    return result;
  }

  private Predicate<JsonNode> unary() {
    if (tokens.peek().isWord("not")) {
      tokens.take();
      return unary().negate();
    }
    if (tokens.takeIf(Kind.OPEN)) {
      Predicate<JsonNode> inner = orExpression();
      tokens.take(Kind.CLOSE);
      return inner;
    }
    return term();
  }

  private Predicate<JsonNode> term() {
    Token first = tokens.take(Kind.WORD);
    if (tokens.peek().kind() == Kind.OPEN) {
      if (!first.isWord("contains")) {
        throw FilterTokens.notSimulated(tokens.expression(), "The function " + first.text() + "()");
      }
      return contains();
    }
    FieldPath path = FieldPath.of(first.text(), tokens.expression());
    if (tokens.peek().kind() != Kind.OPERATOR) {
      return node -> path.values(node).stream().anyMatch(v -> !v.isNull());
    }
    String operator = tokens.take().text();
    if (tokens.peek().kind() == Kind.OPEN) {
      if (!operator.equals("=")) {
        throw FilterTokens.invalid(tokens.expression());
      }
      List<Token> values = list();
      return node ->
          path.test(node, v -> values.stream().anyMatch(value -> compare(v, "=", value)));
    }
    Token value = value();
    if (operator.equals("!=") && !path.indexed()) {
      return node -> !path.test(node, v -> equal(v, value));
    }
    return node -> path.test(node, v -> compare(v, operator, value));
  }

  private Predicate<JsonNode> contains() {
    tokens.take(Kind.OPEN);
    FieldPath path = FieldPath.of(tokens.take(Kind.WORD).text(), tokens.expression());
    tokens.take(Kind.COMMA);
    String part = value().text();
    tokens.take(Kind.CLOSE);
    return node -> path.test(node, v -> !v.isNull() && v.asString().contains(part));
  }

  private List<Token> list() {
    tokens.take(Kind.OPEN);
    List<Token> values = new ArrayList<>();
    do {
      values.add(value());
    } while (tokens.takeIf(Kind.COMMA));
    tokens.take(Kind.CLOSE);
    return values;
  }

  private Token value() {
    Token value = tokens.take();
    if (value.kind() != Kind.STRING && value.kind() != Kind.WORD) {
      throw FilterTokens.invalid(tokens.expression());
    }
    return value;
  }

  private boolean compare(JsonNode actual, String operator, Token expected) {
    if (operator.equals("=") || operator.equals("!=")) {
      return equal(actual, expected) == operator.equals("=");
    }
    if (actual.isNull()) {
      return false;
    }
    int order = order(actual, expected);
    return switch (operator) {
      case ">" -> order > 0;
      case ">=" -> order >= 0;
      case "<" -> order < 0;
      default -> order <= 0;
    };
  }

  private static boolean equal(JsonNode actual, Token expected) {
    if (actual.isNull()) {
      return false;
    }
    BigDecimal number = number(expected.text());
    if (actual.isNumber() && number != null) {
      return actual.decimalValue().compareTo(number) == 0;
    }
    return glob(expected.text()).matcher(actual.asString()).matches();
  }

  private int order(JsonNode actual, Token expected) {
    if (actual.isNumber()) {
      BigDecimal number = number(expected.text());
      if (number == null) {
        throw FilterTokens.notSimulated(
            tokens.expression(), "Ordering a number against '" + expected.text() + "'");
      }
      return actual.decimalValue().compareTo(number);
    }
    if (actual.isString()) {
      return actual.asString().compareTo(expected.text());
    }
    throw FilterTokens.notSimulated(tokens.expression(), "Ordering " + actual.getNodeType());
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
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
}
