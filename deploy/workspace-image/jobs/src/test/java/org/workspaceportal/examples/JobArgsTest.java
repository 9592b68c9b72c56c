package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JobArgsTest {

  private static final Set<String> OPTIONS = Set.of("data", "samples");
  private static final Set<String> FLAGS = Set.of("no-generate");

  @Test
  void readsOptionsFlagsAndDefaults() {
    JobArgs args =
        JobArgs.parse(
            new String[] {"--data", "s3a://b/x", "--samples", "1_000_000", "--no-generate"},
            OPTIONS,
            FLAGS);
    assertThat(args.string("data")).isEqualTo("s3a://b/x");
    assertThat(args.number("samples", 5)).isEqualTo(1_000_000);
    assertThat(args.integer("samples", 5)).isEqualTo(1_000_000);
    assertThat(args.flag("no-generate")).isTrue();
    assertThat(JobArgs.parse(new String[0], OPTIONS, FLAGS).number("samples", 5)).isEqualTo(5);
  }

  @Test
  void mistakesAreRefusedInWords() {
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--sample", "3"}, OPTIONS, FLAGS))
        .hasMessage("unknown option --sample");
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"--data"}, OPTIONS, FLAGS))
        .hasMessage("--data needs a value");
    assertThatThrownBy(() -> JobArgs.parse(new String[] {"x"}, OPTIONS, FLAGS))
        .hasMessage("unexpected argument 'x'");
    assertThatThrownBy(() -> JobArgs.parse(new String[0], OPTIONS, FLAGS).string("data"))
        .hasMessage("--data is required");
    assertThatThrownBy(
            () ->
                JobArgs.parse(new String[] {"--samples", "many"}, OPTIONS, FLAGS)
                    .number("samples", 1))
        .hasMessageContaining("whole number");
  }
}
