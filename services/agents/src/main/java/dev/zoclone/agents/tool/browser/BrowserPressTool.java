package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.ElementRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model press a key, on an element or the focused one. */
@Singleton
@Priority(-1)
public class BrowserPressTool extends BrowserTool {
  public BrowserPressTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_press";
  }

  @Override
  String description() {
    return "Presses a key such as Enter, Tab, ArrowDown or Control+A, on an element or the focused one";
  }

  @Override
  JsonObjectSchema parameters() {
    return elementParameters().addStringProperty("key", "the key to press").required("key").build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    String key = text(arguments, "key");
    if (key == null) {
      return "error: key is required";
    }
    ElementRequest press =
        new ElementRequest(
            text(arguments, "selector"), text(arguments, "ref"), null, key, null, null, null);
    return where(
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(),
                    (api, secret, user) -> api.element(secret, user, id, "press", press))));
  }
}
