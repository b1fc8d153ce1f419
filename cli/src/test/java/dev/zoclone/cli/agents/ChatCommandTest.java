package dev.zoclone.cli.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code zo chat} reading lines from stdin against a fake gateway that streams answers. */
class ChatCommandTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void turnsStayInOneConversationUntilNewAndModelSwitchesTheModel() {
    gateway.answerText(
        "POST",
        "/api/v1/ask",
        200,
        "event: FrontendModelResponse\ndata: {\"content\":\"Hi\"}\n\n"
            + "event: FrontendModelResponse\ndata: {\"content\":\" there\"}\n\n"
            + "event: End\ndata: {\"output\":\"Hi there\",\"conversation_id\":\"c7\"}\n\n");

    Run run = chat("hello\n\nagain\n/model lab:llama3.2\n/new\nfresh\n/exit\nnever sent\n");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Hi there\nHi there\nHi there\n");
    assertThat(run.err()).contains("(model lab:llama3.2)").contains("(new conversation)");
    assertThat(gateway.requests()).hasSize(3);
    String first = gateway.requests().get(0).body();
    String second = gateway.requests().get(1).body();
    String third = gateway.requests().get(2).body();
    assertThat(first).contains("\"input\":\"hello\"").contains("\"stream\":true");
    assertThat(first).doesNotContain("conversation_id").contains("\"model_name\":\"fake:m\"");
    assertThat(second).contains("\"input\":\"again\"").contains("\"conversation_id\":\"c7\"");
    assertThat(third)
        .contains("\"input\":\"fresh\"")
        .doesNotContain("conversation_id")
        .contains("\"model_name\":\"lab:llama3.2\"");
  }

  @Test
  void aFailedTurnIsPrintedAndTheChatGoesOnUntilEndOfInput() {
    gateway.answerProblem(
        "POST",
        "/api/v1/ask",
        400,
        "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"You have no key named 'x'\"}");

    Run run = chat("one\n/bogus\ntwo\n");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err())
        .contains("error: ")
        .contains("You have no key named 'x'")
        .contains("unknown command /bogus: /new, /model NAME, /exit");
    assertThat(gateway.requests()).hasSize(2);
  }

  private Run chat(String stdin) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return Zo.against(gateway, home, "chat", "--model", "fake:m");
    } finally {
      System.setIn(original);
    }
  }
}
