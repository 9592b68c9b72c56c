package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ItemFilterTest {

  private static final JsonNode KEY =
      SimulatorClient.JSON.readTree(
          """
          {"name": "PSFBABC", "enabled": true, "user": {"name": "acct/spark"}, "services": ["data", "nfs"]}\
          """);

  private static boolean matches(String filter) {
    return ItemFilter.parse(filter).test(KEY);
  }

  @Test
  void equalityMatchesNestedFieldsWithEitherQuote() {
    assertThat(matches("user.name='acct/spark'")).isTrue();
    assertThat(matches("user.name=\"acct/spark\"")).isTrue();
    assertThat(matches("user.name='acct/other'")).isFalse();
  }

  @Test
  void wildcardsNegationAndArrays() {
    assertThat(matches("name='PSFB*'")).isTrue();
    assertThat(matches("name!='PSFB*'")).isFalse();
    assertThat(matches("services='nfs'")).isTrue();
    assertThat(matches("contains(services,'dat')")).isTrue();
    assertThat(matches("enabled=true")).isTrue();
  }

  @Test
  void andJoinsTermsButNotInsideQuotes() {
    assertThat(matches("enabled='true' and user.name='acct/*'")).isTrue();
    assertThat(matches("enabled='true' and name='x and y'")).isFalse();
  }

  @Test
  void anythingElseIsRefused() {
    assertThatThrownBy(() -> ItemFilter.parse("name>'a'")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ItemFilter.parse("name='a' or name='b'"))
        .isInstanceOf(ApiException.class);
  }
}
