package org.workspaceportal.flashbladesim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {

  private final FlashBladeSimulator simulator = SimulatorFixtures.shared();
  private final SimulatorClient api = SimulatorFixtures.loggedIn(simulator);

  private List<String> fiveAccounts(String prefix) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      names.add(prefix + "-" + i);
    }
    assertThat(api.post("/object-store-accounts?names=" + String.join(",", names), null).status())
        .isEqualTo(200);
    return names;
  }

  @Test
  void continuationTokensWalkThroughEveryItemOnce() {
    String prefix = SimulatorFixtures.unique("page");
    List<String> created = fiveAccounts(prefix);
    String query = "/object-store-accounts?limit=2&filter=name='" + prefix + "-*'";

    List<String> seen = new ArrayList<>();
    var page = api.get(query);
    int pages = 1;
    while (true) {
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().path("total_item_count").asInt()).isEqualTo(5);
      page.items().forEach(item -> seen.add(item.path("name").asString()));
      String token = page.json().path("continuation_token").asString(null);
      assertThat(page.header("x-next-token")).isEqualTo(token);
      if (token == null) {
        break;
      }
      page = api.get(query + "&continuation_token=" + token);
      pages++;
    }

    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void limitZeroReturnsOnlyTheCount() {
    String prefix = SimulatorFixtures.unique("count");
    fiveAccounts(prefix);

    var reply = api.get("/object-store-accounts?limit=0&filter=name='" + prefix + "-*'");

    assertThat(reply.items()).isEmpty();
    assertThat(reply.json().path("total_item_count").asInt()).isEqualTo(5);
  }

  @Test
  void offsetAndDescendingSortSelectTheExpectedItems() {
    String prefix = SimulatorFixtures.unique("sort");
    List<String> created = fiveAccounts(prefix);

    var reply =
        api.get(
            "/object-store-accounts?sort=-name&offset=1&limit=2&filter=name='" + prefix + "-*'");

    assertThat(reply.items().valueStream().map(i -> i.path("name").asString()).toList())
        .containsExactly(created.get(3), created.get(2));
    assertThat(reply.json().path("continuation_token").isNull()).isTrue();
  }

  @Test
  void badTokensLimitsAndFiltersAre400() {
    assertThat(api.get("/object-store-accounts?continuation_token=bogus!").status()).isEqualTo(400);
    assertThat(api.get("/object-store-accounts?limit=-1").status()).isEqualTo(400);
    assertThat(api.get("/object-store-accounts?filter=name~'x'").status()).isEqualTo(400);
  }

  @Test
  void filtersCombineWithAndAndMatchNestedAndArrayFields() {
    var tenant = SimulatorFixtures.tenant(api);

    var bucketsOfAccount =
        api.get(
            "/buckets?filter=account.name='" + tenant.account() + "'%20and%20destroyed='false'");
    var dataVips = api.get("/network-interfaces?filter=contains(services,'data')");
    var notData = api.get("/network-interfaces?filter=name!='data1'");

    assertThat(bucketsOfAccount.items()).hasSize(1);
    assertThat(dataVips.items()).hasSize(1);
    assertThat(notData.items().path(0).path("name").asString()).isEqualTo("management");
  }

  @Test
  void comparisonFiltersSelectByNumber() {
    String prefix = SimulatorFixtures.unique("cmp");
    api.post("/file-systems?names=" + prefix + "-small", "{\"provisioned\":900}");
    api.post("/file-systems?names=" + prefix + "-big", "{\"provisioned\":10000}");

    var reply = api.get("/file-systems?filter=provisioned%3E1000%20and%20name='" + prefix + "-*'");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(names(reply)).containsExactly(prefix + "-big");
  }

  @Test
  void sortsOnSeveralKeysNestedFieldsAndNumbers() {
    String first = SimulatorFixtures.unique("sa");
    String second = SimulatorFixtures.unique("sb");
    String prefix = SimulatorFixtures.unique("srt");
    for (String account : List.of(second, first)) {
      api.post("/object-store-accounts?names=" + account, null);
    }
    api.post("/buckets?names=" + prefix + "-2", SimulatorFixtures.accountBody(first));
    api.post("/buckets?names=" + prefix + "-1", SimulatorFixtures.accountBody(second));
    api.post("/buckets?names=" + prefix + "-3", SimulatorFixtures.accountBody(first));
    api.post("/file-systems?names=" + prefix + "-small", "{\"provisioned\":900}");
    api.post("/file-systems?names=" + prefix + "-big", "{\"provisioned\":10000}");
    String mine = "&filter=name='" + prefix + "-*'";

    var byAccountThenName = api.get("/buckets?sort=account.name,name" + mine);
    var byAccountThenNameDescending = api.get("/buckets?sort=account.name,name-" + mine);
    var bySize = api.get("/file-systems?sort=provisioned" + mine);

    assertThat(names(byAccountThenName))
        .containsExactly(prefix + "-2", prefix + "-3", prefix + "-1");
    assertThat(names(byAccountThenNameDescending))
        .containsExactly(prefix + "-3", prefix + "-2", prefix + "-1");
    assertThat(names(bySize)).containsExactly(prefix + "-small", prefix + "-big");
  }

  @Test
  void sortsTheSimulatorCannotAnswerFaithfullyAreRefusedAsNotSimulated() {
    var unknown = api.get("/buckets?sort=colour");
    var object = api.get("/buckets?sort=space");

    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.firstError()).contains("not simulated");
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.firstError()).contains("not simulated");
  }

  private static List<String> names(SimulatorClient.Reply reply) {
    return reply.items().valueStream().map(i -> i.path("name").asString()).toList();
  }
}
