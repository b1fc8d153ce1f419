package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.TabList;
import dev.zoclone.contract.browser.TabRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/** Lets the model list, open, select and close the browser's tabs. */
@Singleton
@Priority(-1)
public class BrowserTabsTool extends BrowserTool {
  public BrowserTabsTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_tabs";
  }

  @Override
  String description() {
    return "Lists the browser's tabs (popups included), or opens (url), selects or closes (index) one";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder()
        .addEnumProperty("action", java.util.List.of("list", "open", "select", "close"))
        .addIntegerProperty("index", "the tab to select or close")
        .addStringProperty("url", "the URL to open in a new tab")
        .build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    Integer index = arguments.path("index").isNumber() ? arguments.path("index").asInt() : null;
    TabRequest request = new TabRequest(text(arguments, "action"), index, text(arguments, "url"));
    TabList tabs =
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(), (api, secret, user) -> api.tabs(secret, user, id, request)));
    return tabs.tabs().stream()
        .map(
            t -> (t.active() ? "* " : "  ") + t.index() + ": " + t.url() + " \"" + t.title() + "\"")
        .collect(Collectors.joining("\n"));
  }
}
