package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tokens of a {@code filter=} expression: quoted strings, words (field paths, numbers, {@code
 * true}, unquoted values, the keywords {@code and}, {@code or}, {@code not}), comparison operators,
 * parentheses and commas.
 */
final class FilterTokens {

  enum Kind {
    STRING,
    WORD,
    OPERATOR,
    OPEN,
    CLOSE,
    COMMA,
    END
  }

  record Token(Kind kind, String text) {

    boolean isWord(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }
  }

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:'([^']*)'|\"([^\"]*)\"|([A-Za-z0-9_.+*-]+(?:\\[(?:any|all)])?)"
              + "|(!=|>=|<=|=|>|<)|(\\()|(\\))|(,))");

  private final List<Token> tokens;
  private final String expression;
  private int next;

  private FilterTokens(List<Token> tokens, String expression) {
    this.tokens = tokens;
    this.expression = expression;
  }

  static FilterTokens of(String expression) {
    List<Token> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length()) {
      if (expression.substring(at).isBlank()) {
        break;
      }
      if (!matcher.find(at) || matcher.start() != at) {
        throw invalid(expression);
      }
      tokens.add(token(matcher));
      at = matcher.end();
    }
    tokens.add(new Token(Kind.END, ""));
    return new FilterTokens(tokens, expression);
  }

  private static Token token(Matcher matcher) {
    Kind[] kinds = {
      Kind.STRING, Kind.STRING, Kind.WORD, Kind.OPERATOR, Kind.OPEN, Kind.CLOSE, Kind.COMMA
    };
    for (int group = 1; group <= kinds.length; group++) {
      if (matcher.group(group) != null) {
        return new Token(kinds[group - 1], matcher.group(group));
      }
    }
    throw new IllegalStateException("unreachable");
  }

  Token peek() {
    return tokens.get(next);
  }

  Token peekAfter() {
    return tokens.get(Math.min(next + 1, tokens.size() - 1));
  }

  Token take() {
    return tokens.get(next++);
  }

  Token take(Kind kind) {
    Token token = take();
    if (token.kind() != kind) {
      throw invalid(expression);
    }
    return token;
  }

  boolean takeIf(Kind kind) {
    if (peek().kind() == kind) {
      next++;
      return true;
    }
    return false;
  }

  boolean takeWordIf(String keyword) {
    if (peek().isWord(keyword)) {
      next++;
      return true;
    }
    return false;
  }

  String expression() {
    return expression;
  }

  static ApiException invalid(String expression) {
    return ApiException.badRequest(expression, "Invalid filter.");
  }

  static ApiException notSimulated(String expression, String what) {
    return ApiException.badRequest(expression, what + " is not simulated.");
  }
}
