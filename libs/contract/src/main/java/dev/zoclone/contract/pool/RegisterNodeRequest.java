package dev.zoclone.contract.pool;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /api/v1/nodes}: a worker introduces itself.
 *
 * @param name a name to recognise the machine by
 * @param labels what the node offers, matched against jobs' requirements
 * @param slots how many jobs it runs at once
 * @param kinds the job kinds it runs (shell, http, agent, skill); every kind when null
 */
public record RegisterNodeRequest(
    String name, Map<String, String> labels, Integer slots, List<String> kinds) {

  /** A registration that runs every kind. */
  public RegisterNodeRequest(String name, Map<String, String> labels, Integer slots) {
    this(name, labels, slots, null);
  }
}
