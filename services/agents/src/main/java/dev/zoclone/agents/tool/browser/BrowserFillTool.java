package dev.zoclone.agents.tool.browser;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.zoclone.contract.browser.FillRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/** Lets the model fill several form fields at once. */
@Singleton
@Priority(-1)
public class BrowserFillTool extends BrowserTool {
  public BrowserFillTool(BrowserClient browser, ConversationBrowsers sessions) {
    super(browser, sessions);
  }

  @Override
  public boolean readOnly() {
    return false;
  }

  @Override
  public String name() {
    return "browser_fill";
  }

  @Override
  String description() {
    return "Fills form fields of the current page, each named by ref (from browser_snapshot) or selector";
  }

  @Override
  JsonObjectSchema parameters() {
    return JsonObjectSchema.builder()
        .addProperty(
            "fields",
            JsonArraySchema.builder()
                .description("the fields and their values")
                .items(
                    elementParameters()
                        .addStringProperty("value", "the value")
                        .required("value")
                        .build())
                .build())
        .required("fields")
        .build();
  }

  @Override
  String run(ToolContext context, JsonNode arguments) {
    List<FillRequest.Field> fields = new ArrayList<>();
    for (JsonNode field : arguments.path("fields")) {
      String value = field.path("value").asText(null);
      if (value == null) {
        return "error: every field needs a value";
      }
      fields.add(new FillRequest.Field(text(field, "selector"), text(field, "ref"), value));
    }
    if (fields.isEmpty()) {
      return "error: fields is required";
    }
    FillRequest fill = new FillRequest(fields, null);
    return "filled "
        + fields.size()
        + " field(s); "
        + where(
            sessions.inSession(
                context,
                id ->
                    browser.call(
                        context.owner(), (api, secret, user) -> api.fill(secret, user, id, fill))));
  }
}
