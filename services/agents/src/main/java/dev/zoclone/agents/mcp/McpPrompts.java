package dev.zoclone.agents.mcp;

import dev.zoclone.agents.client.SkillsClient;
import dev.zoclone.contract.skills.SkillDetail;
import dev.zoclone.contract.skills.SkillSummary;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpRequestHandler;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ListPromptsResult;
import io.modelcontextprotocol.spec.McpSchema.PaginatedRequest;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The caller's skills as MCP prompts: {@code prompts/list} names and describes them, {@code
 * prompts/get} answers a skill's instructions (its SKILL.md body) as one user message.
 */
@ApplicationScoped
public class McpPrompts {
  private final SkillsClient skills;
  private final McpJsonMapper mapper;
  private final int pageSize;

  public McpPrompts(SkillsClient skills, McpJsonMapper mapper, McpConfig config) {
    this.skills = skills;
    this.mapper = mapper;
    this.pageSize = config.pageSize();
  }

  /** The handler of {@code prompts/list}. */
  McpRequestHandler<ListPromptsResult> list() {
    return (exchange, params) -> {
      String owner = McpOwner.of(exchange);
      PaginatedRequest request =
          params == null
              ? new PaginatedRequest(null)
              : mapper.convertValue(params, PaginatedRequest.class);
      return McpResources.blocking(
          () -> {
            List<SkillSummary> all = available(owner);
            int from = Pages.offset(request.cursor(), all.size());
            int to = Math.min(all.size(), from + pageSize);
            List<Prompt> page =
                all.subList(from, to).stream()
                    .map(
                        skill ->
                            new Prompt(
                                skill.name(), null, skill.description(), List.of(), null, null))
                    .toList();
            return new ListPromptsResult(page, to < all.size() ? Pages.cursor(to) : null, null);
          });
    };
  }

  /** The handler of {@code prompts/get}. */
  McpRequestHandler<GetPromptResult> get() {
    return (exchange, params) -> {
      String owner = McpOwner.of(exchange);
      GetPromptRequest request = mapper.convertValue(params, GetPromptRequest.class);
      return McpResources.blocking(
          () -> {
            SkillDetail skill;
            try {
              skill = skills.show(owner, request.name());
            } catch (SkillsClient.SkillsUnavailable e) {
              throw McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
                  .message("No prompt named " + request.name() + ": " + e.getMessage())
                  .build();
            }
            return new GetPromptResult(
                skill.description(),
                List.of(new PromptMessage(McpSchema.Role.USER, new TextContent(skill.body()))),
                null);
          });
    };
  }

  private List<SkillSummary> available(String owner) {
    try {
      return skills.list(owner).stream().filter(SkillSummary::available).toList();
    } catch (SkillsClient.SkillsUnavailable e) {
      throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR)
          .message("cannot list skills: " + e.getMessage())
          .build();
    }
  }
}
