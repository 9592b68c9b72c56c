package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.workspaceportal.examples.RedditComments.AuthorCount;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RedditCommentsTest {

  private static final RedditComments.Spec SPEC = new RedditComments.Spec(20_011, 800, 3, 7);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void theGeneratedLinesHoldExactlyTheKnownNumberOfCommentsPerAuthor() {
    RedditComments comments = new RedditComments(SPEC);
    Map<String, Long> seen = new HashMap<>();
    long lines = 0;
    for (int p = 0; p < SPEC.partitions(); p++) {
      var it = comments.lines(p);
      while (it.hasNext()) {
        JsonNode comment = JSON.readTree(it.next());
        seen.merge(comment.get("author").asString(), 1L, Long::sum);
        assertThat(comment.get("subreddit").asString()).isNotBlank();
        assertThat(comment.get("body").asString()).isNotBlank();
        assertThat(comment.get("score").isIntegralNumber()).isTrue();
        assertThat(comment.get("created_utc").asLong()).isGreaterThan(1_400_000_000L);
        lines++;
      }
    }
    assertThat(lines).isEqualTo(20_011);
    assertThat(seen.remove(RedditComments.DELETED)).isEqualTo(comments.deleted()).isEqualTo(2_001);
    Map<String, Long> expected = new HashMap<>();
    comments.counts().forEach(a -> expected.put(a.author(), a.count()));
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void authorsFollowZipfsLawAndTheDeletedOutnumberAllButTheMostActive() {
    RedditComments comments = new RedditComments(new RedditComments.Spec(100_000, 5_000, 4, 7));
    List<AuthorCount> counts = comments.counts();
    assertThat(counts).hasSize(5_000);
    assertThat(counts.stream().mapToLong(AuthorCount::count).sum() + comments.deleted())
        .isEqualTo(100_000);
    long c = counts.get(0).count();
    assertThat(counts.get(1).count()).isEqualTo(c / 2);
    assertThat(counts.get(9).count()).isEqualTo(c / 10);
    assertThat(counts.get(4_999).count()).isGreaterThanOrEqualTo(1);
    assertThat(comments.deleted()).isEqualTo(10_000).isGreaterThan(counts.get(1).count());
  }

  @Test
  void theTopIsUniqueAndInOrder() {
    List<AuthorCount> top = new RedditComments(SPEC).top(20);
    assertThat(top).hasSize(20);
    for (int i = 1; i < top.size(); i++) {
      assertThat(top.get(i).count()).isLessThan(top.get(i - 1).count());
    }
    assertThat(top.get(0).author()).isEqualTo(RedditComments.author(1));
  }

  @Test
  void authorNamesAreUniqueAndRedditLike() {
    Set<String> names = new HashSet<>();
    for (int rank = 1; rank <= RedditComments.MAX_AUTHORS; rank++) {
      names.add(RedditComments.author(rank));
    }
    assertThat(names).hasSize(RedditComments.MAX_AUTHORS);
    assertThat(RedditComments.author(1)).isEqualTo("NimbleNewt7932");
  }

  @Test
  void theSameSpecGivesTheSameLines() {
    assertThat(new RedditComments(SPEC).lines(2).next())
        .isEqualTo(new RedditComments(SPEC).lines(2).next());
  }

  @Test
  void specsWithoutAUniqueAnswerAreRefusedInWords() {
    assertThatThrownBy(() -> new RedditComments(new RedditComments.Spec(1_000, 900, 1, 1)))
        .hasMessageContaining("too few comments for 900 authors");
    assertThatThrownBy(() -> new RedditComments(new RedditComments.Spec(1_000, 50, 1, 1)).top(20))
        .hasMessageContaining("is not unique");
    assertThatThrownBy(() -> new RedditComments.Spec(0, 10, 1, 1)).hasMessageContaining("comments");
  }
}
