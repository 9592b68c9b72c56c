package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.workspaceportal.examples.RedditComments.AuthorCount;

class TopAuthorsCheckTest {

  private static final List<AuthorCount> EXPECTED =
      List.of(new AuthorCount("a", 30), new AuthorCount("b", 20), new AuthorCount("c", 10));

  @Test
  void theSameAuthorsWithTheSameCountsInTheSameOrderPass() {
    assertThat(TopAuthorsCheck.check(EXPECTED, List.copyOf(EXPECTED)).passed()).isTrue();
  }

  @Test
  void aWrongCountOrOrderFailsRankByRank() {
    TopAuthorsCheck.Result result =
        TopAuthorsCheck.check(
            EXPECTED,
            List.of(new AuthorCount("a", 30), new AuthorCount("c", 10), new AuthorCount("b", 21)));

    assertThat(result.passed()).isFalse();
    assertThat(result.problems())
        .containsExactly(
            "rank 2: found c with 10, expected b with 20",
            "rank 3: found b with 21, expected c with 10");
  }

  @Test
  void aShorterAnswerFails() {
    assertThat(TopAuthorsCheck.check(EXPECTED, EXPECTED.subList(0, 2)).problems())
        .containsExactly("found 2 authors, expected 3");
  }
}
