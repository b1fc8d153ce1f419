package dev.zoclone.e2e.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The routes of one service, read from its OpenAPI document ({@code /q/openapi}). */
final class RouteCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One operation: its method, path template, the schema of its JSON body (null when it takes none)
   * and its query parameters with their schemas.
   */
  record Route(
      String service,
      String method,
      String path,
      JsonNode bodySchema,
      Map<String, JsonNode> queryParameters,
      JsonNode components) {

    @Override
    public String toString() {
      return method + " " + path + " (" + service + ")";
    }
  }

  private RouteCatalog() {}

  /** Every operation of the service at {@code baseUrl}, named {@code service}. */
  static List<Route> read(String service, String baseUrl, HttpClient http)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json"))
            .timeout(Duration.ofSeconds(30))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          service + " has no OpenAPI document: " + response.statusCode());
    }
    JsonNode document = JSON.readTree(response.body());
    JsonNode components = document.path("components").path("schemas");
    List<Route> routes = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
      while (operations.hasNext()) {
        Map.Entry<String, JsonNode> operation = operations.next();
        String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        JsonNode body =
            operation.getValue().path("requestBody").path("content").path("application/json");
        Map<String, JsonNode> query = new java.util.LinkedHashMap<>();
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          if ("query".equals(parameter.path("in").asText())) {
            query.put(parameter.path("name").asText(), parameter.path("schema"));
          }
        }
        routes.add(
            new Route(
                service,
                method,
                path.getKey(),
                body.isMissingNode() ? null : body.path("schema"),
                query,
                components));
      }
    }
    return routes;
  }
}
