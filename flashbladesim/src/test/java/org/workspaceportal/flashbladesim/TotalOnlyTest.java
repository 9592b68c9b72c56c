package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code total_only=true}: "returns the aggregate value of all items after filtering ... the {@code
 * items} list will be empty", on the collections that document it.
 */
class TotalOnlyTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  private void putObjects(SimulatorFixtures.Tenant tenant, int count) {
    try (S3Client s3 =
        S3Clients.forKey(simulator.s3Endpoint(), tenant.accessKeyId(), tenant.secret())) {
      for (int i = 0; i < count; i++) {
        int n = i;
        s3.putObject(b -> b.bucket(tenant.bucket()).key("o" + n), RequestBody.fromString("x"));
      }
    }
  }

  @Test
  void bucketsAnswerOnlyTheTotalOfTheSelectedBuckets() {
    var a = SimulatorFixtures.tenant(api);
    var b = SimulatorFixtures.tenant(api);
    putObjects(a, 2);
    putObjects(b, 3);

    var reply = api.get("/buckets?total_only=true&names=" + a.bucket() + "," + b.bucket());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.items()).isEmpty();
    assertThat(reply.json().path("total_item_count").asInt()).isEqualTo(2);
    assertThat(reply.json().path("total").path("object_count").asLong()).isEqualTo(5);
    assertThat(reply.json().path("total").path("space").path("virtual").isNumber()).isTrue();
    assertThat(reply.json().path("continuation_token").isNull()).isTrue();
  }

  @Test
  void theTotalCoversEveryFilteredItemNotOnlyOnePage() {
    var a = SimulatorFixtures.tenant(api);
    var b = SimulatorFixtures.tenant(api);
    putObjects(a, 1);
    putObjects(b, 4);

    var reply =
        api.get(
            "/object-store-accounts?total_only=true&limit=1&names="
                + a.account()
                + ","
                + b.account());

    assertThat(reply.items()).isEmpty();
    assertThat(reply.json().path("total_item_count").asInt()).isEqualTo(2);
    assertThat(reply.json().path("total").path("object_count").asLong()).isEqualTo(5);
  }

  @Test
  void fileSystemsAnswerATotalToo() {
    String name = SimulatorFixtures.unique("fs");
    assertThat(api.post("/file-systems?names=" + name, "{\"provisioned\":1000}").status())
        .isEqualTo(200);

    var reply = api.get("/file-systems?total_only=true&names=" + name);

    assertThat(reply.items()).isEmpty();
    assertThat(reply.json().path("total").path("space").isObject()).isTrue();
  }

  @Test
  void falseAnswersTheItemsAsUsual() {
    var tenant = SimulatorFixtures.tenant(api);

    var reply = api.get("/buckets?total_only=false&names=" + tenant.bucket());

    assertThat(reply.items()).hasSize(1);
  }

  @Test
  void collectionsThatDoNotDocumentItRefuseItRatherThanIgnoreIt() {
    var reply = api.get("/object-store-users?total_only=true");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.firstError()).contains("total_only");
  }
}
