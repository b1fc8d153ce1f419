package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.NavigateRequest;
import dev.zoclone.contract.browser.PageInfo;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model open a URL in the conversation's browser. */
@Singleton
@Priority(-1)
public class BrowserNavigateTool extends BrowserTool {
  public BrowserNavigateTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_navigate";
  }

  @Override
  String description() {
    return "Opens a URL in the conversation's web browser; then use browser_snapshot to read it";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder()
        .addStringProperty("url", "the http(s) URL")
        .required("url")
        .build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    String url = text(arguments, "url");
    if (url == null) {
      return "error: url is required";
    }
    PageInfo page =
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(),
                    (api, secret, user) ->
                        api.navigate(secret, user, id, new NavigateRequest(url, null, null))));
    return where(page) + (page.status() == null ? "" : ", HTTP " + page.status());
  }
}
