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

  private static final JsonNode FILE_SYSTEM =
      SimulatorClient.JSON.readTree(
          """
          {"name": "fs-b", "provisioned": 2000, "destroyed": false, "time_remaining": null,
           "space": {"virtual": 5, "data_reduction": 1.5}, "services": ["nfs", "smb"]}\
          """);

  private static boolean matches(String filter) {
    return ItemFilter.parse(filter).test(KEY);
  }

  private static boolean fileSystemMatches(String filter) {
    return ItemFilter.parse(filter).test(FILE_SYSTEM);
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
  void numbersCompareAsNumbers() {
    assertThat(fileSystemMatches("provisioned>1000")).isTrue();
    assertThat(fileSystemMatches("provisioned>2000")).isFalse();
    assertThat(fileSystemMatches("provisioned>=2000")).isTrue();
    assertThat(fileSystemMatches("provisioned<10000")).isTrue();
    assertThat(fileSystemMatches("provisioned<=1999")).isFalse();
    assertThat(fileSystemMatches("provisioned=2000")).isTrue();
    assertThat(fileSystemMatches("space.data_reduction>1.2")).isTrue();
    assertThat(fileSystemMatches("space.virtual<'10'")).isTrue();
  }

  @Test
  void stringsCompareInTheirOrderAndNullsSatisfyNoOrdering() {
    assertThat(fileSystemMatches("name>'fs-a'")).isTrue();
    assertThat(fileSystemMatches("name<'fs-a'")).isFalse();
    assertThat(fileSystemMatches("time_remaining>0")).isFalse();
    assertThat(fileSystemMatches("time_remaining<0")).isFalse();
  }

  @Test
  void orNotParenthesesAndListsCombine() {
    assertThat(fileSystemMatches("name='x' or provisioned>1000")).isTrue();
    assertThat(fileSystemMatches("name='x' OR provisioned<1000")).isFalse();
    assertThat(fileSystemMatches("not(name='fs-b')")).isFalse();
    assertThat(fileSystemMatches("(name='x' or name='fs-b') and provisioned>1000")).isTrue();
    assertThat(fileSystemMatches("name='x' or name='fs-b' and provisioned<1000")).isFalse();
    assertThat(fileSystemMatches("name = ('fs-a', 'fs-b')")).isTrue();
    assertThat(fileSystemMatches("provisioned=(1,2)")).isFalse();
  }

  @Test
  void existenceAndListIndexes() {
    assertThat(fileSystemMatches("provisioned")).isTrue();
    assertThat(fileSystemMatches("time_remaining")).isFalse();
    assertThat(fileSystemMatches("services[any]='smb'")).isTrue();
    assertThat(fileSystemMatches("services[all]='smb'")).isFalse();
    assertThat(fileSystemMatches("services[all]!='data'")).isTrue();
    assertThat(fileSystemMatches("services!='nfs'")).isFalse();
    assertThat(fileSystemMatches("services[any]!='nfs'")).isTrue();
  }

  @Test
  void malformedFiltersAreInvalid() {
    assertThatThrownBy(() -> ItemFilter.parse("name~'a'"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.getMessage()).isEqualTo("Invalid filter."));
    assertThatThrownBy(() -> ItemFilter.parse("name='a' and")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ItemFilter.parse("(name='a'")).isInstanceOf(ApiException.class);
  }

  @Test
  void whatTheSimulatorCannotAnswerFaithfullyIsRefusedAsNotSimulated() {
    assertThatThrownBy(() -> ItemFilter.parse("tags('team','a')"))
        .hasMessageContaining("not simulated");
    assertThatThrownBy(() -> fileSystemMatches("colour='blue'"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("not simulated");
    assertThatThrownBy(() -> fileSystemMatches("provisioned>'lots'"))
        .hasMessageContaining("not simulated");
    assertThatThrownBy(() -> fileSystemMatches("destroyed>false"))
        .hasMessageContaining("not simulated");
    assertThatThrownBy(() -> fileSystemMatches("space>1")).hasMessageContaining("not simulated");
  }
}
