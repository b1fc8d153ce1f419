package dev.zoclone.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zoclone.cli.FakeGateway;
import dev.zoclone.cli.Zo;
import dev.zoclone.cli.Zo.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  @TempDir Path home;
  @RegisterExtension final FakeGateway gateway = FakeGateway.perTest();

  @Test
  void printsAnAlignedTableAndExitsZeroWhenEveryServiceIsUp() {
    gateway.answerJson(
        "GET",
        "/api/v1/status",
        200,
        """
        {"services":[
          {"name":"gateway","status":"UP","version":"0.1.0"},
          {"name":"scheduler","status":"UP","version":"0.1.0"},
          {"name":"pool","status":"UP","version":"0.12.3"}]}
        """);

    Run run = Zo.against(gateway, home, "status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            NAME       STATUS  VERSION
            gateway    UP      0.1.0
            scheduler  UP      0.1.0
            pool       UP      0.12.3
            all 3 services UP
            """);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void exitsOneAndNamesTheDownServicesOnTheLastLine() {
    gateway.answerJson(
        "GET",
        "/api/v1/status",
        200,
        """
        {"services":[
          {"name":"gateway","status":"UP","version":"0.1.0"},
          {"name":"memory","status":"DOWN","version":null},
          {"name":"pool","status":"DOWN"},
          {"name":"skills","status":"UP","version":"0.1.0"}]}
        """);

    Run run = Zo.against(gateway, home, "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("memory   DOWN    -\n")
        .endsWith("2 of 4 services DOWN: memory, pool\n");
  }

  @Test
  void printsTheGatewaysJsonAsIsWithTheJsonOption() {
    String body = "{\"services\":[{\"name\":\"gateway\",\"status\":\"UP\",\"version\":\"0.1.0\"}]}";
    gateway.answerJson("GET", "/api/v1/status", 200, body);

    Run run = Zo.against(gateway, home, "status", "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(body + "\n");
  }

  @Test
  void asksTheStatusRouteWithTheBearerToken() {
    gateway.answerJson("GET", "/api/v1/status", 200, "{\"services\":[]}");

    Zo.against(gateway, home, "status");

    assertThat(gateway.onlyRequest())
        .extracting(
            FakeGateway.Request::method,
            FakeGateway.Request::path,
            FakeGateway.Request::authorization)
        .containsExactly("GET", "/api/v1/status", "Bearer t0k");
  }
}
