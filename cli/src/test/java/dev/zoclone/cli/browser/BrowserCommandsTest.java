package dev.zoclone.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BrowserCommandsTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @BeforeEach
  void answerTheSessionRoutes() {
    gateway.answerJson("POST", "/api/v1/browser/sessions", 201, "{\"id\":\"s1\"}");
    gateway.answerEmpty("DELETE", "/api/v1/browser/sessions/s1", 204);
  }

  @Test
  void browsePrintsMarkdownSavesTheScreenshotAndClosesTheSession() throws Exception {
    gateway.answerJson(
        "POST",
        "/api/v1/browser/sessions/s1/navigate",
        200,
        "{\"url\":\"http://x/\",\"title\":\"X\",\"status\":200}");
    gateway.answerJson(
        "POST",
        "/api/v1/browser/sessions/s1/content",
        200,
        "{\"format\":\"markdown\",\"content\":\"# Hello\\n\\nworld\"}");
    gateway.answerText("POST", "/api/v1/browser/sessions/s1/screenshot", 200, "PNG-BYTES");
    Path shot = home.resolve("shot.png");

    Run run =
        Zo.against(
            gateway, home, "browse", "http://x/", "--markdown", "--screenshot", shot.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("# Hello\n\nworld\nSaved " + shot + " (9 bytes).\n");
    assertThat(Files.readString(shot)).isEqualTo("PNG-BYTES");
    assertThat(gateway.requests())
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "POST /api/v1/browser/sessions",
            "POST /api/v1/browser/sessions/s1/navigate",
            "POST /api/v1/browser/sessions/s1/content",
            "POST /api/v1/browser/sessions/s1/screenshot",
            "DELETE /api/v1/browser/sessions/s1");
    assertThat(gateway.requests().get(1).body()).isEqualTo("{\"url\":\"http://x/\"}");
    assertThat(gateway.requests().get(2).body()).isEqualTo("{\"format\":\"markdown\"}");
  }

  @Test
  void browseWithOnlyAPdfPrintsNoPageText() throws Exception {
    gateway.answerJson(
        "POST", "/api/v1/browser/sessions/s1/navigate", 200, "{\"url\":\"http://x/\"}");
    gateway.answerText("POST", "/api/v1/browser/sessions/s1/pdf", 200, "%PDF-1.4");
    Path pdf = home.resolve("page.pdf");

    Run run = Zo.against(gateway, home, "browse", "http://x/", "--pdf", pdf.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("Saved " + pdf + " (8 bytes).\n");
    assertThat(Files.readString(pdf)).isEqualTo("%PDF-1.4");
  }

  @Test
  void aRefusedUrlFailsWithTheProblemAndStillClosesTheSession() {
    gateway.answerProblem(
        "POST",
        "/api/v1/browser/sessions/s1/navigate",
        403,
        "{\"type\":\"https://zoclone.dev/problems/egress-refused\",\"title\":\"URL not allowed\","
            + "\"status\":403,\"detail\":\"the URL policy refuses http://10.0.0.1/\"}");

    Run run = Zo.against(gateway, home, "browse", "http://10.0.0.1/");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("the URL policy refuses http://10.0.0.1/");
    assertThat(gateway.requests())
        .last()
        .extracting(FakeGateway.Request::method)
        .isEqualTo("DELETE");
  }

  @Test
  void browserSessionsListsAndCloseCloses() {
    gateway.answerJson(
        "GET",
        "/api/v1/browser/sessions",
        200,
        "{\"sessions\":[{\"id\":\"s1\",\"name\":\"work\",\"tabs\":2,\"lost\":false,"
            + "\"last_used_at\":\"2026-12-07T05:00:00Z\"}]}");

    Run list = Zo.against(gateway, home, "browser", "sessions");
    assertThat(list.out()).contains("ID").contains("s1").contains("work").contains("live");

    Run close = Zo.against(gateway, home, "browser", "close", "s1");
    assertThat(close.exitCode()).isZero();
    assertThat(close.out()).isEqualTo("Closed browser session s1.\n");
  }
}
