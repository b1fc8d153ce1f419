package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.ElementRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model type text into an element, key by key. */
@Singleton
@Priority(-1)
public class BrowserTypeTool extends BrowserTool {
  public BrowserTypeTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_type";
  }

  @Override
  String description() {
    return "Types text into an element of the current page; submit=true presses Enter after";
  }

  @Override
  JsonObjectSchema parameters() {
    return elementParameters()
        .addStringProperty("text", "the text to type")
        .addBooleanProperty("submit", "press Enter after typing")
        .required("text")
        .build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    String text = arguments.path("text").asText(null);
    if (text == null) {
      return "error: text is required";
    }
    ElementRequest element =
        element(arguments, text, null, arguments.path("submit").asBoolean(false));
    return where(
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(),
                    (api, secret, user) -> api.element(secret, user, id, "type", element))));
  }
}
