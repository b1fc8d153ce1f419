package dev.zoclone.agents.tool;

import static dev.zoclone.agents.support.Api.as;
import static dev.zoclone.agents.support.Api.newUser;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import dev.zoclone.agents.support.FakeMemoryResource;
import dev.zoclone.testing.infra.PostgresAndKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafkaResource.class)
@QuarkusTestResource(FakeMemoryResource.class)
class ToolsResourceTest {

  @Test
  void listsEveryGroupInOrderWithItsToolsAndTheCallersServers() {
    String user = newUser();
    as(user)
        .body("{\"url\":\"http://127.0.0.1:9/mcp\"}")
        .put("/api/v1/mcp-servers/notes")
        .then()
        .statusCode(200);
    as(user)
        .body("{\"url\":\"http://127.0.0.1:9/mcp\",\"enabled\":false}")
        .put("/api/v1/mcp-servers/off")
        .then()
        .statusCode(200);

    as(user)
        .get("/api/v1/tools")
        .then()
        .statusCode(200)
        .body(
            "groups.name",
            is(
                java.util.List.of(
                    "memory",
                    "conversations",
                    "agents",
                    "automations",
                    "jobs",
                    "skills",
                    "browser",
                    "processes")))
        .body("groups[0].tools.name", hasItems("memory_save", "memory_recall", "memory_forget"))
        .body("groups[0].tools.find { it.name == 'memory_recall' }.read_only", is(true))
        .body("groups[3].tools.find { it.name == 'automations_create' }.read_only", is(false))
        .body("mcp_servers", is(java.util.List.of("notes")));
  }
}
