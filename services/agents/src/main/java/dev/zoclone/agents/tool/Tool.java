package dev.zoclone.agents.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * A capability the model (or an MCP client) may call. Tools are {@code @ApplicationScoped} beans or
 * come from a {@link ToolGroup}; the registry finds them all, so a new tool never touches the ask
 * loop. A tool is named {@code <group>_<action>}.
 */
public interface Tool {

  /** The name the model calls the tool by, e.g. {@code memory_recall}. */
  String name();

  /** The group the tool belongs to, e.g. {@code memory}; asks choose tools by group. */
  default String group() {
    return name().substring(0, name().indexOf('_'));
  }

  /** Whether calling the tool only reads (true) or may change something (false). */
  boolean readOnly();

  /** The tool's description and JSON parameters, as the model sees them. */
  ToolSpecification specification();

  /**
   * Runs the tool for the caller and returns what the model reads back. A failure the model can act
   * on is returned as text starting with {@code error:}, not thrown.
   */
  String execute(ToolContext context, JsonNode arguments);

  /**
   * Who is asking, in which conversation (null for one-off agent runs and MCP calls), and where a
   * long tool reports its progress (a no-op when nobody listens).
   */
  record ToolContext(String owner, String conversationId, Progress progress) {
    public ToolContext(String owner, String conversationId) {
      this(owner, conversationId, Progress.NONE);
    }
  }

  /** Progress of a long tool: {@code done} of {@code total} steps, with a short message. */
  @FunctionalInterface
  interface Progress {
    Progress NONE = (done, total, message) -> {};

    void report(double done, double total, String message);
  }
}
