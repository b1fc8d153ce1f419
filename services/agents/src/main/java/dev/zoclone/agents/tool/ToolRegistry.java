package dev.zoclone.agents.tool;

import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every {@link Tool} bean, by name. */
@ApplicationScoped
public class ToolRegistry {
  private final Map<String, Tool> byName = new LinkedHashMap<>();

  public ToolRegistry(@All List<Tool> tools) {
    tools.forEach(tool -> byName.put(tool.name(), tool));
  }

  /** The tools named, or all of them when {@code names} is null; 400 for an unknown name. */
  public List<Tool> select(List<String> names) {
    if (names == null) {
      return List.copyOf(byName.values());
    }
    return names.stream()
        .map(
            name ->
                Optional.ofNullable(byName.get(name))
                    .orElseThrow(
                        () ->
                            ProblemException.badRequest(
                                "tools", "unknown tool '" + name + "'; known: " + byName.keySet())))
        .toList();
  }
}
