package dev.zoclone.cli.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.FakeGateway.Request;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code zo memory ls} and memory ids given by a unique prefix, against a fake gateway. */
class MemoryListAndPrefixTest {
  private static final String PAGE =
      "{\"memories\":[{\"id\":\"3f2a0000-1111\",\"kind\":\"memory\",\"excerpt\":\"Alice likes"
          + " tea\",\"length\":15,\"version\":2,\"created_at\":null},{\"id\":\"3f9b0000-2222\","
          + "\"kind\":\"document\",\"excerpt\":\"A long\\ndocument about the quarterly numbers"
          + " of the shop\",\"length\":5000,\"version\":1,\"created_at\":null}],"
          + "\"next_cursor\":\"3f9b0000-2222\"}";

  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void lsPrintsAPageShortenedAndHowToGetTheNext() {
    gateway.answerJson("GET", "/api/v1/memories", 200, PAGE);

    Run run = zo("memory", "ls", "--limit", "2", "--kind", "document", "--cursor", "ab");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(gateway.onlyRequest().query()).isEqualTo("limit=2&cursor=ab&kind=document");
    assertThat(run.out())
        .isEqualTo(
            """
            ID             KIND      VERSION  CREATED  AGE  CONTENT
            3f2a0000-1111  memory    2        -        -    Alice likes tea
            3f9b0000-2222  document  1        -        -    A long document about the quarterly num…
            More: zo memory ls --cursor 3f9b0000-2222
            """);
  }

  @Test
  void lsWideShowsTheWholeExcerptAndJsonTheGatewaysPage() {
    gateway.answerJson("GET", "/api/v1/memories", 200, PAGE);

    Run wide = zo("memory", "ls", "-o", "wide");
    Run json = zo("memory", "ls", "-o", "json");

    assertThat(wide.out()).contains("A long document about the quarterly numbers of the shop…");
    assertThat(json.out()).contains("\"next_cursor\":\"3f9b0000-2222\"");
    assertThat(gateway.requests()).extracting(Request::query).containsOnlyNulls();
  }

  @Test
  void lsWithoutMemoriesSaysSo() {
    gateway.answerJson("GET", "/api/v1/memories", 200, "{\"memories\":[],\"next_cursor\":null}");

    assertThat(zo("memory", "ls").out()).isEqualTo("No memories yet.\n");
  }

  @Test
  void getUpdateHistoryAndRmTakeAUniquePrefix() {
    gateway.answerJson("GET", "/api/v1/memories", 200, PAGE);
    gateway.answerJson(
        "GET",
        "/api/v1/memories/3f2a0000-1111",
        200,
        "{\"id\":\"3f2a0000-1111\",\"content\":\"Alice likes tea\",\"meta\":{},\"version\":2}");
    gateway.answerJson(
        "PUT",
        "/api/v1/memories/3f2a0000-1111",
        200,
        "{\"id\":\"3f2a0000-1111\",\"content\":\"Alice likes coffee\",\"version\":3}");
    gateway.answerJson(
        "GET",
        "/api/v1/memories/3f2a0000-1111/history",
        200,
        "{\"id\":\"3f2a0000-1111\",\"versions\":[]}");
    gateway.answerEmpty("DELETE", "/api/v1/memories/3f2a0000-1111", 204);

    Run get = zo("memory", "get", "3f2a");
    Run update = zo("memory", "update", "3f2a", "Alice likes coffee");
    Run history = zo("memory", "history", "3f2a");
    Run rm = zo("memory", "rm", "3f2a");

    assertThat(get.out()).startsWith("Memory 3f2a0000-1111\n").endsWith("Alice likes tea\n");
    assertThat(update.out()).isEqualTo("Updated memory 3f2a0000-1111.\n");
    assertThat(history.out()).isEqualTo("Memory 3f2a0000-1111 was never updated.\n");
    assertThat(rm.out()).isEqualTo("Forgot memory 3f2a0000-1111.\n");
    assertThat(gateway.requests())
        .filteredOn(r -> r.path().equals("/api/v1/memories"))
        .extracting(Request::query)
        .containsOnly("limit=200");
  }

  @Test
  void anAmbiguousPrefixIsAUsageErrorNamingBoth() {
    gateway.answerJson("GET", "/api/v1/memories", 200, PAGE);

    Run run = zo("memory", "rm", "3f");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("ambiguous memory id prefix '3f': it starts 3f2a0000-1111, 3f9b0000-2222");
    assertThat(gateway.requests())
        .noneMatch(r -> r.method().equals("DELETE") && r.path().contains("3f2a"));
  }

  private Run zo(String... args) {
    return Zo.against(gateway, home, args);
  }
}
