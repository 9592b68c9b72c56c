package org.workspaceportal.storage.flashblade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiErrorsTest {

  private final JsonMapper json = FlashBladeJson.mapper();

  @Test
  void readsTheRestErrorArrayWithContexts() {
    List<ApiError> errors =
        parse(
            "{\"errors\":[{\"context\":\"b1\",\"message\":\"Bucket already exists.\"},"
                + "{\"context\":null,\"message\":\"Second problem.\",\"location_context\":{}}]}");

    assertThat(errors)
        .containsExactly(
            new ApiError("b1", "Bucket already exists."), new ApiError(null, "Second problem."));
    assertThat(ApiErrors.describe(errors))
        .isEqualTo("Bucket already exists. (b1); Second problem.");
  }

  @Test
  void readsTheGatewaysFlatMessage() {
    assertThat(parse("{\"message\":\"API rate limit exceeded\"}"))
        .containsExactly(new ApiError(null, "API rate limit exceeded"));
  }

  @Test
  void readsTheRest1ErrorArray() {
    assertThat(parse("{\"error\":[{\"code\":3,\"context\":\"x\",\"message\":\"Old style.\"}]}"))
        .containsExactly(new ApiError("x", "Old style."));
  }

  @Test
  void somethingThatIsNotJsonYieldsNoReasonRatherThanAFailure() {
    assertThat(parse("<html><body>Bad Gateway</body></html>")).isEmpty();
    assertThat(parse("")).isEmpty();
    assertThat(parse("[1,2]")).isEmpty();
    assertThat(ApiErrors.describe(List.of())).isEqualTo("no reason given");
  }

  @Test
  void aContextAlreadyInTheMessageIsNotRepeated() {
    assertThat(new ApiError("acct", "Object store account acct does not exist.").describe())
        .isEqualTo("Object store account acct does not exist.");
  }

  @Test
  void refusalsTellAbsentAndDuplicateNamesFromOtherReasons() {
    FlashBladeRefusal missing =
        new FlashBladeRefusal(
            "look up bucket 'b'", 400, List.of(new ApiError("b", "Bucket does not exist.")), "r1");
    FlashBladeRefusal duplicate =
        new FlashBladeRefusal(
            "create bucket 'b'", 400, List.of(new ApiError("b", "Bucket already exists.")), null);
    FlashBladeRefusal invalid =
        new FlashBladeRefusal(
            "create bucket 'B'", 400, List.of(new ApiError("B", "Invalid name.")), null);

    assertThat(missing.saysDoesNotExist()).isTrue();
    assertThat(missing.saysAlreadyExists()).isFalse();
    assertThat(duplicate.saysAlreadyExists()).isTrue();
    assertThat(invalid.saysAlreadyExists() || invalid.saysDoesNotExist()).isFalse();
    assertThat(missing.getMessage())
        .isEqualTo(
            "FlashBlade refused to look up bucket 'b': Bucket does not exist. (b) (HTTP 400,"
                + " request id r1)");
  }

  private List<ApiError> parse(String body) {
    return ApiErrors.parse(json, body.getBytes(StandardCharsets.UTF_8));
  }
}
