package org.workspaceportal.examples;

import java.util.ArrayList;
import java.util.List;
import org.workspaceportal.examples.RedditComments.AuthorCount;

/** Whether a "top authors" answer is the generator's: same authors, same counts, same order. */
public final class TopAuthorsCheck {

  private TopAuthorsCheck() {}

  /** The verdict; {@code problems} says, rank by rank, what differs (empty when it passed). */
  public record Result(boolean passed, List<String> problems) {}

  public static Result check(List<AuthorCount> expected, List<AuthorCount> found) {
    List<String> problems = new ArrayList<>();
    if (found.size() != expected.size()) {
      problems.add("found " + found.size() + " authors, expected " + expected.size());
    }
    for (int i = 0; i < Math.min(found.size(), expected.size()); i++) {
      AuthorCount e = expected.get(i);
      AuthorCount f = found.get(i);
      if (!e.equals(f)) {
        problems.add(
            "rank "
                + (i + 1)
                + ": found "
                + f.author()
                + " with "
                + f.count()
                + ", expected "
                + e.author()
                + " with "
                + e.count());
      }
    }
    return new Result(problems.isEmpty(), List.copyOf(problems));
  }
}
