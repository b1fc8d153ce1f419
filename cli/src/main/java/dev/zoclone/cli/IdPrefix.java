package dev.zoclone.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.cli.gateway.GatewayClient;
import dev.zoclone.cli.gateway.GatewayProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Ids given by a unique prefix, as git and docker take them: a call the gateway answers 404 (or 400
 * for a malformed id) is retried with the one id of the list route that starts with what was given.
 *
 * @param listPath the route listing the ids, e.g. {@code /api/v1/jobs}
 * @param arrayField the field of its answer holding the items, e.g. {@code jobs}
 * @param what what the ids name, for messages, e.g. {@code job}
 */
public record IdPrefix(String listPath, String arrayField, String what) {
  /** Jobs, as {@code GET /api/v1/jobs} lists them. */
  public static final IdPrefix JOBS = new IdPrefix("/api/v1/jobs", "jobs", "job");

  /** Automations. */
  public static final IdPrefix AUTOMATIONS =
      new IdPrefix("/api/v1/automations", "automations", "automation");

  /** Conversations, the newest 100. */
  public static final IdPrefix CONVERSATIONS =
      new IdPrefix("/api/v1/conversations?limit=100", "conversations", "conversation");

  /** Memories, the newest 200 of every kind. */
  public static final IdPrefix MEMORIES =
      new IdPrefix("/api/v1/memories?limit=200", "memories", "memory");

  /** Compute-pool nodes. */
  public static final IdPrefix NODES = new IdPrefix("/api/v1/nodes", "nodes", "node");

  /**
   * {@code call} applied to {@code given}, or, when the gateway knows no such id, to the one listed
   * id starting with {@code given}; an ambiguous prefix is a usage error naming the candidates.
   */
  public <T> T call(GatewayClient gateway, String given, Function<String, T> call) {
    try {
      return call.apply(given);
    } catch (CliFailure failure) {
      int status = GatewayProblem.of(failure).map(GatewayProblem::status).orElse(0);
      if (status != 404 && status != 400) {
        throw failure;
      }
      List<String> candidates = candidates(gateway, given);
      if (candidates.size() > 1) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "ambiguous "
                + what
                + " id prefix '"
                + given
                + "': it starts "
                + String.join(", ", candidates));
      }
      if (candidates.isEmpty() || candidates.get(0).equals(given)) {
        throw failure;
      }
      return call.apply(candidates.get(0));
    }
  }

  private List<String> candidates(GatewayClient gateway, String given) {
    List<String> ids = new ArrayList<>();
    if (given.isEmpty()) {
      return ids;
    }
    JsonNode list;
    try {
      list = gateway.get(listPath).read(JsonNode.class);
    } catch (CliFailure listFailed) {
      return ids; // the first failure says more than the list's
    }
    for (JsonNode item : list.path(arrayField)) {
      String id = item.path("id").asText("");
      if (id.startsWith(given)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
