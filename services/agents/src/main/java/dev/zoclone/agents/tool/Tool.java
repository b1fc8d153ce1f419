package dev.zoclone.agents.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * A capability the model may call during an ask. Each tool is one {@code @ApplicationScoped} class;
 * the ask loop finds them all, so a new tool never touches the loop.
 */
public interface Tool {

  /** The name the model calls the tool by, e.g. {@code recall_memory}. */
  String name();

  /** The tool's description and JSON parameters, as the model sees them. */
  ToolSpecification specification();

  /**
   * Runs the tool for the caller and returns what the model reads back. A failure the model can act
   * on is returned as text, not thrown.
   */
  String execute(ToolContext context, JsonNode arguments);

  /** Who is asking, and in which conversation (null for one-off agent runs). */
  record ToolContext(String owner, String conversationId) {}
}
