package org.workspaceportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline image build's PYSPARK_FROM option (issue 23, item 1), as far as it can be tried
 * without PySpark's real wheels and without building: unset or empty keeps the tag of the build
 * without it, a folder of wheels or an index URL makes a tag of its own, and anything else stops
 * the script with a message saying what is wrong.
 */
class OfflineImageBuildOptionsTest {

  private static final String SCRIPT = "deploy/workspace-image/build-offline.sh";

  private record Run(int exit, String out, String err) {}

  private static Run printTag(Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(SCRIPT, "--print-tag");
    pb.environment().remove("PYSPARK_FROM");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, err);
  }

  private static Path wheel(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void withoutTheOptionOrWithItEmptyTheTagIsTheSame() throws Exception {
    Run absent = printTag(Map.of());
    Run empty = printTag(Map.of("PYSPARK_FROM", ""));

    assertThat(absent.exit()).as(absent.err()).isZero();
    assertThat(absent.out()).matches("workspace-portal/spark:4\\.0-[0-9a-f]{10}");
    assertThat(empty.out()).isEqualTo(absent.out());
  }

  @Test
  void aFolderOfWheelsOrAnIndexMakesATagOfItsOwnThatFollowsTheWheels(@TempDir Path wheels)
      throws Exception {
    wheel(wheels, "pyspark-4.0.1-py2.py3-none-any.whl", "pyspark");
    wheel(wheels, "py4j-0.10.9.9-py2.py3-none-any.whl", "py4j");
    String plain = printTag(Map.of()).out();

    Run fromFolder = printTag(Map.of("PYSPARK_FROM", wheels.toString()));
    wheel(wheels, "py4j-0.10.9.9-py2.py3-none-any.whl", "py4j, rebuilt");
    Run changed = printTag(Map.of("PYSPARK_FROM", wheels.toString()));
    Run fromIndex = printTag(Map.of("PYSPARK_FROM", "https://pypi.example.org/simple"));

    assertThat(fromFolder.exit()).as(fromFolder.err()).isZero();
    assertThat(fromIndex.exit()).as(fromIndex.err()).isZero();
    assertThat(fromFolder.out()).startsWith("workspace-portal/spark:4.0-").isNotEqualTo(plain);
    assertThat(changed.out()).isNotEqualTo(fromFolder.out()).isNotEqualTo(plain);
    assertThat(fromIndex.out()).isNotEqualTo(plain).isNotEqualTo(fromFolder.out());
  }

  @Test
  void whatIsNeitherAWheelFolderNorAnIndexStopsTheBuildSayingWhy(@TempDir Path wheels)
      throws Exception {
    Run missing = printTag(Map.of("PYSPARK_FROM", wheels.resolve("absent").toString()));
    Run ftp = printTag(Map.of("PYSPARK_FROM", "ftp://mirror.example.org/simple"));
    Run noPyspark = printTag(Map.of("PYSPARK_FROM", wheels.toString()));
    wheel(wheels, "pyspark-3.5.1-py2.py3-none-any.whl", "an older PySpark");
    Run otherVersion = printTag(Map.of("PYSPARK_FROM", wheels.toString()));
    wheel(wheels, "pyspark-4.0.1-py2.py3-none-any.whl", "pyspark");
    Run noPy4j = printTag(Map.of("PYSPARK_FROM", wheels.toString()));

    for (Run bad : new Run[] {missing, ftp, noPyspark, otherVersion, noPy4j}) {
      assertThat(bad.exit()).as(bad.err()).isNotZero();
      assertThat(bad.out()).as("no tag printed").isEmpty();
    }
    assertThat(missing.err())
        .contains("is neither a folder of wheels nor an http(s) package index");
    assertThat(ftp.err()).contains("is neither a folder of wheels nor an http(s) package index");
    assertThat(otherVersion.err())
        .contains("has no pyspark-4.0.1-*.whl (PySpark must match the Spark jars, 4.0.1)");
    assertThat(noPy4j.err()).contains("has no py4j-*.whl");
  }
}
