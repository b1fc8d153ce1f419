package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.ElementRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model click an element of the page. */
@Singleton
@Priority(-1)
public class BrowserClickTool extends BrowserTool {
  public BrowserClickTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_click";
  }

  @Override
  String description() {
    return "Clicks an element of the current page (a link, a button, a checkbox)";
  }

  @Override
  JsonObjectSchema parameters() {
    return elementParameters().build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    ElementRequest element = element(arguments, null, null, null);
    return where(
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(),
                    (api, secret, user) -> api.element(secret, user, id, "click", element))));
  }
}
