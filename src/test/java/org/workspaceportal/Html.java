package org.workspaceportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.MvcResult;

/** Small checks on rendered pages. */
public final class Html {

  private static final Pattern POST_FORM =
      Pattern.compile(
          "<form\\b[^>]*method=\"post\"[^>]*>(.*?)</form>",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private Html() {}

  /** The visible text: tags removed, entities kept, whitespace collapsed. */
  public static String text(String html) {
    return html.replaceAll("(?s)<script.*?</script>", " ")
        .replaceAll("<[^>]+>", " ")
        .replaceAll("\\s+", " ")
        .trim();
  }

  /** Every {@code <form method="post">} on the page carries Spring Security's hidden CSRF field. */
  public static void assertEveryPostFormCarriesACsrfToken(String html) {
    Matcher m = POST_FORM.matcher(html);
    int forms = 0;
    while (m.find()) {
      forms++;
      assertThat(m.group(1))
          .as("form #%d", forms)
          .containsPattern("<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\"");
    }
  }

  /** The flash attributes a redirect carries to the next page (as a plain map, for AssertJ). */
  public static Map<String, Object> flash(MvcResult result) {
    return new HashMap<>(result.getFlashMap());
  }

  /** How many post forms the page has. */
  public static int postForms(String html) {
    Matcher m = POST_FORM.matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
