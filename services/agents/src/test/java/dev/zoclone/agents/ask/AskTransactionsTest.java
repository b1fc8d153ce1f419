package dev.zoclone.agents.ask;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static dev.zoclone.agents.support.Api.openAiKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.agents.support.TransactionsBegun;
import dev.zoclone.testing.fakemodel.FakeOpenAiServer;
import dev.zoclone.testing.fakemodel.Reply;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** An ask reads its user's key, settings and servers from what was read a moment ago. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class AskTransactionsTest {
  static final FakeOpenAiServer MODEL = new FakeOpenAiServer().setDefault(Reply.text("ok"));

  @Inject TransactionsBegun transactions;

  @AfterAll
  static void stop() {
    MODEL.close();
  }

  @Test
  void asksWhoseLookupsAreRememberedBeginNoTransaction() {
    String user = newUser();
    openAiKey(user, "openai", MODEL.baseUrl() + "/v1", "sk-tx-0123456789abcdef", "gpt-4o-mini");
    ask(user); // reads the key, the settings and the servers once
    int before = transactions.of(user);

    int asks = 10;
    for (int i = 0; i < asks; i++) {
      ask(user);
    }

    // Each lookup is read again at most once a second: a transaction per ask (there were four:
    // the persona, the settings and the key twice) would make at least ten.
    assertThat(transactions.of(user) - before).isLessThan(asks);
  }

  private static void ask(String user) {
    as(user)
        .body("{\"input\":\"hello\",\"model_name\":\"openai:gpt-4o-mini\"}")
        .post("/api/v1/ask")
        .then()
        .statusCode(200);
  }
}
