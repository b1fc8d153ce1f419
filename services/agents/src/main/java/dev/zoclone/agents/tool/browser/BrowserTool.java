package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.agents.tool.Tool;
import dev.zoclone.contract.browser.ElementRequest;
import dev.zoclone.contract.browser.PageInfo;

/**
 * What the browser tools share: the conversation's session, the failure the model reads as text,
 * and the way an element is named (a ref from the latest snapshot, or a CSS selector). Each tool
 * has priority -1 so that the memory tools stay first in the list the model is offered.
 */
abstract class BrowserTool implements Tool {
  /** Longest page text handed back to the model. */
  static final int MAX_TEXT = 20_000;

  final BrowserClient browser;
  final ConversationBrowsers sessions;

  BrowserTool(BrowserClient browser, ConversationBrowsers sessions) {
    this.browser = browser;
    this.sessions = sessions;
  }

  /** The tool's description and parameters. */
  abstract String description();

  abstract JsonObjectSchema parameters();

  /** Runs the tool; a failure of the browser service is caught and told to the model. */
  abstract String run(ToolContext context, JsonNode arguments);

  @Override
  public ToolSpecification specification() {
    return ToolSpecification.builder()
        .name(name())
        .description(description())
        .parameters(parameters())
        .build();
  }

  @Override
  public String execute(ToolContext context, JsonNode arguments) {
    try {
      return run(context, arguments);
    } catch (BrowserClient.BrowserFailure e) {
      return "error: " + e.getMessage();
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }

  /** Adds the two ways of naming an element. */
  static JsonObjectSchema.Builder elementParameters() {
    return JsonObjectSchema.builder()
        .addStringProperty("ref", "the element's ref from browser_snapshot, e.g. e12 (preferred)")
        .addStringProperty("selector", "a CSS selector, when there is no ref");
  }

  /** An element request from the model's {@code ref} or {@code selector}. */
  static ElementRequest element(JsonNode arguments, String text, String key, Boolean submit) {
    String ref = text(arguments, "ref");
    String selector = text(arguments, "selector");
    if (ref == null && selector == null) {
      throw new IllegalArgumentException(
          "give the element's ref (from browser_snapshot) or a selector");
    }
    return new ElementRequest(selector, ref, text, key, null, submit, null);
  }

  static String text(JsonNode arguments, String field) {
    JsonNode value = arguments.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** What the model reads after an action. */
  static String where(PageInfo page) {
    return "now at "
        + page.url()
        + (page.title() == null || page.title().isBlank() ? "" : " (\"" + page.title() + "\")");
  }

  static String truncate(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "\n[truncated]";
  }
}
