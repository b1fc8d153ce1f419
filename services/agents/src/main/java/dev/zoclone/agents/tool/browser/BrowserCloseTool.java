package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model close the conversation's browser when it is done. */
@Singleton
@Priority(-1)
public class BrowserCloseTool extends BrowserTool {
  public BrowserCloseTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_close";
  }

  @Override
  String description() {
    return "Closes the conversation's web browser";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder().build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    return sessions.close(context) ? "browser closed" : "no browser was open";
  }
}
