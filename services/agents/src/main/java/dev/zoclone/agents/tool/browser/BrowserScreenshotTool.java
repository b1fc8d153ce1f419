package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.ScreenshotRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;

/** Lets the model take a screenshot, kept for the user to fetch; the model gets where. */
@Singleton
@Priority(-1)
public class BrowserScreenshotTool extends BrowserTool {
  private final BrowserScreenshots screenshots;

  public BrowserScreenshotTool(
      BrowserClient browser, ConversationBrowsers sessions, BrowserScreenshots screenshots) {
    super(browser, sessions);
    this.screenshots = screenshots;
  }

  @Override
  public boolean readOnly() {
    return true;
  }

  @Override
  public String name() {
    return "browser_screenshot";
  }

  @Override
  String description() {
    return "Takes a PNG screenshot of the current page and stores it; answers where the user can fetch it";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder()
        .addBooleanProperty("full_page", "the whole scrollable page, not only the viewport")
        .build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    ScreenshotRequest request =
        new ScreenshotRequest(arguments.path("full_page").asBoolean(false), null, null, "png");
    byte[] png =
        sessions.inSession(
            context,
            id ->
                browser.call(
                    context.owner(),
                    (api, secret, user) -> api.screenshot(secret, user, id, request)));
    String screenshotId = screenshots.keep(context.owner(), png);
    return "screenshot taken ("
        + png.length
        + " bytes PNG); the user can fetch it at GET "
        + BrowserScreenshots.PATH.replace("{id}", screenshotId);
  }
}
