package org.workspaceportal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void writesNestedValuesInOrder() {
    assertThat(
            Json.write(
                Json.object(
                    "s",
                    "a\"b\\c\nd\u0001",
                    "n",
                    3L,
                    "d",
                    1.5,
                    "nan",
                    Double.NaN,
                    "b",
                    true,
                    "none",
                    null,
                    "rows",
                    List.of(new double[] {1, 2}, new long[] {3}),
                    "nested",
                    Json.object("x", List.of()))))
        .isEqualTo(
            "{\"s\":\"a\\\"b\\\\c\\nd\\u0001\",\"n\":3,\"d\":1.5,\"nan\":null,\"b\":true,"
                + "\"none\":null,\"rows\":[[1.0,2.0],[3]],\"nested\":{\"x\":[]}}");
  }
}
