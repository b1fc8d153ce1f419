package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.WaitForRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model wait for a text or element to appear, or a text to go. */
@Singleton
@Priority(-1)
public class BrowserWaitForTool extends BrowserTool {
  public BrowserWaitForTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public String name() {
    return "browser_wait_for";
  }

  @Override
  String description() {
    return "Waits until a text appears, a text is gone, or a CSS selector matches (give one)";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder()
        .addStringProperty("text", "a text to wait for")
        .addStringProperty("text_gone", "a text to wait to disappear")
        .addStringProperty("selector", "a CSS selector to wait for")
        .addIntegerProperty("timeout_ms", "how long to wait at most (default 10000)")
        .build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    WaitForRequest wait =
        new WaitForRequest(
            text(arguments, "selector"),
            text(arguments, "text"),
            text(arguments, "text_gone"),
            arguments.path("timeout_ms").asLong(10_000));
    return "done waiting; "
        + where(
            sessions.inSession(
                context,
                id ->
                    browser.call(
                        context.owner(),
                        (api, secret, user) -> api.waitFor(secret, user, id, wait))));
  }
}
