package dev.zoclone.gateway.client;

import dev.zoclone.contract.ServiceStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/** Reads a service's {@code /q/health/ready}, as every ZoClone service serves it. */
@ApplicationScoped
public class ServiceHealthClient {
  /** The readiness check every service carries, with its name and version (libs/platform). */
  static final String SERVICE_CHECK = "service";

  private final EventLoopClients clients;

  public ServiceHealthClient(EventLoopClients clients) {
    this.clients = clients;
  }

  /** The service's status; DOWN, never a failure, when it cannot answer within {@code timeout}. */
  public Uni<ServiceStatus> readiness(String name, URI url, Duration timeout) {
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setAbsoluteURI(UpstreamUris.join(url, "/q/health/ready"))
            .setConnectTimeout(timeout.toMillis())
            .setIdleTimeout(timeout.toMillis());
    return Uni.createFrom()
        .completionStage(
            () ->
                clients
                    .current()
                    .request(options)
                    .compose(HttpClientRequest::send)
                    .compose(
                        response ->
                            response
                                .body()
                                .map(body -> parse(name, response.statusCode(), body.toString())))
                    .toCompletionStage())
        .ifNoItem()
        .after(timeout)
        .fail()
        .onFailure()
        .recoverWithItem(new ServiceStatus(name, ServiceStatus.DOWN, null));
  }

  /** UP only on 200 with status UP; a 503 still names the version, so it is kept. */
  static ServiceStatus parse(String name, int statusCode, String body) {
    JsonObject health;
    try {
      health = new JsonObject(body);
    } catch (RuntimeException e) {
      return new ServiceStatus(name, ServiceStatus.DOWN, null);
    }
    boolean up = statusCode == 200 && ServiceStatus.UP.equals(health.getString("status"));
    return new ServiceStatus(name, up ? ServiceStatus.UP : ServiceStatus.DOWN, version(health));
  }

  private static String version(JsonObject health) {
    JsonArray checks = health.getJsonArray("checks", new JsonArray());
    for (int i = 0; i < checks.size(); i++) {
      JsonObject check = checks.getJsonObject(i);
      if (SERVICE_CHECK.equals(check.getString("name"))) {
        JsonObject data = check.getJsonObject("data");
        return data == null ? null : data.getString("version");
      }
    }
    return null;
  }
}
