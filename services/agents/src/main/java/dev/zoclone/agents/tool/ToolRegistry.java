package dev.zoclone.agents.tool;

import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every tool of the platform, by name and by group: the {@link Tool} beans and the tools of each
 * {@link ToolGroup}, in the order of {@link #GROUPS}.
 */
@ApplicationScoped
public class ToolRegistry {
  /** The groups, in the order the model is offered their tools. */
  public static final List<String> GROUPS =
      List.of(
          "memory",
          "conversations",
          "agents",
          "automations",
          "jobs",
          "skills",
          "browser",
          "processes");

  private static final String AGENTS = "agents";

  private final Map<String, Tool> byName = new LinkedHashMap<>();

  public ToolRegistry(@All List<Tool> tools, @All List<ToolGroup> groups) {
    List<Tool> all = new ArrayList<>(tools);
    groups.forEach(group -> all.addAll(group.tools()));
    all.stream()
        .sorted(Comparator.comparingInt(tool -> GROUPS.indexOf(tool.group())))
        .forEach(tool -> byName.put(tool.name(), tool));
  }

  /** Every tool. */
  public List<Tool> all() {
    return List.copyOf(byName.values());
  }

  /** The tool named {@code name}, if there is one. */
  public Optional<Tool> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The tools of the groups named (a tool's own name selects just that tool), or all of them when
   * {@code names} is null; 400 naming {@code tools} for an unknown name.
   */
  public List<Tool> select(List<String> names) {
    if (names == null) {
      return all();
    }
    Set<Tool> selected = new LinkedHashSet<>();
    for (String name : names) {
      if (name != null && GROUPS.contains(name)) {
        byName.values().stream().filter(tool -> tool.group().equals(name)).forEach(selected::add);
      } else if (name != null && byName.containsKey(name)) {
        selected.add(byName.get(name));
      } else {
        throw ProblemException.badRequest(
            "tools", "unknown tool group '" + name + "'; groups: " + String.join(", ", GROUPS));
      }
    }
    return all().stream().filter(selected::contains).toList();
  }

  /**
   * The tools of an agent run: as {@link #select}, but without the agent tools when none are named,
   * so that a spawned agent does not spawn agents in turn.
   */
  public List<Tool> forAgent(List<String> names) {
    return names != null
        ? select(names)
        : all().stream().filter(tool -> !tool.group().equals(AGENTS)).toList();
  }
}
