package org.workspaceportal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.workspaceportal.HttpApi.Reply;

/** What every error of the REST API must look like. */
public final class ApiProblems {

  private ApiProblems() {}

  /**
   * The reply is an RFC 9457 problem with this HTTP status and this stable {@code type} (without
   * the common base, e.g. {@code quota-exceeded}), saying the same status in its body and a title
   * and detail for people.
   */
  public static void assertProblem(Reply reply, int status, String type) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.contentType()).as("%s", reply).startsWith("application/problem+json");
    assertThat(reply.problemType()).as("%s", reply).isEqualTo(type);
    assertThat(reply.json().path("status").asInt()).as("%s", reply).isEqualTo(status);
    assertThat(reply.json().path("title").asString()).as("%s", reply).isNotBlank();
    assertThat(reply.json().path("detail").asString()).as("%s", reply).isNotBlank();
  }
}
