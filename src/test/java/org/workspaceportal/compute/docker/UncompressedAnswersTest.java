package org.workspaceportal.compute.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every request goes out asking for an uncompressed answer, and otherwise as it was. (The speed it
 * buys is measured by {@code benchmark/files}; the engine's side by the files tests.)
 */
class UncompressedAnswersTest {

  private final List<Request> sent = new ArrayList<>();
  private final DockerHttpClient recorder =
      new DockerHttpClient() {
        @Override
        public Response execute(Request request) {
          sent.add(request);
          return null;
        }

        @Override
        public void close() {}
      };

  @Test
  void aRequestAsksForTheAnswerAsItIsAndKeepsEverythingElse() throws IOException {
    var body = new ByteArrayInputStream(new byte[] {1, 2, 3});
    Request put =
        Request.builder()
            .method(Request.Method.PUT)
            .path("/containers/x/archive?path=/home")
            .putHeader("Content-Type", "application/x-tar")
            .body(body)
            .build();

    new UncompressedAnswers(recorder).execute(put);

    Request out = sent.getFirst();
    assertThat(out.headers())
        .containsEntry("Accept-Encoding", "identity")
        .containsEntry("Content-Type", "application/x-tar");
    assertThat(out.method()).isEqualTo("PUT");
    assertThat(out.path()).isEqualTo("/containers/x/archive?path=/home");
    assertThat(out.body()).isSameAs(body);
  }

  @Test
  void anEncodingTheCallerChoseIsLeftAlone() {
    Request get =
        Request.builder()
            .method(Request.Method.GET)
            .path("/info")
            .putHeader("accept-encoding", "gzip")
            .build();

    new UncompressedAnswers(recorder).execute(get);

    assertThat(sent.getFirst().headers())
        .containsEntry("accept-encoding", "gzip")
        .doesNotContainKey("Accept-Encoding");
  }
}
