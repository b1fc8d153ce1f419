package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.ContentRequest;
import dev.zoclone.contract.browser.PageContent;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model read the page as an accessibility snapshot whose elements carry refs. */
@Singleton
@Priority(-1)
public class BrowserSnapshotTool extends BrowserTool {
  public BrowserSnapshotTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public String name() {
    return "browser_snapshot";
  }

  @Override
  String description() {
    return "Reads the current page as an accessibility snapshot; elements carry [ref=eN] to pass to"
        + " browser_click, browser_type and browser_fill";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder().build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    PageContent content =
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(),
                    (api, secret, user) ->
                        api.content(secret, user, id, new ContentRequest("snapshot"))));
    return "page "
        + content.url()
        + " (\""
        + content.title()
        + "\")\n"
        + truncate(content.content());
  }
}
