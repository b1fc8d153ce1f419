package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.models.SettingsService;
import dev.zoclone.agents.models.SettingsService.Settings;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The caller's ask defaults: {@code default_model} and {@code fallbacks}, used when a request omits
 * them.
 */
@Path("/api/v1/settings")
public class SettingsResource {
  private final SettingsService settings;
  private final CurrentCaller caller;

  public SettingsResource(SettingsService settings, CurrentCaller caller) {
    this.settings = settings;
    this.caller = caller;
  }

  /** The settings, as sent and as returned; absent fields are cleared by a PUT. */
  public record SettingsBody(
      @JsonProperty("default_model") String defaultModel, List<String> fallbacks) {}

  @GET
  @Operation(summary = "The caller's default model and fallbacks for ask")
  public SettingsBody get() {
    return view(settings.get(caller.userId()));
  }

  @PUT
  @Operation(
      summary = "Replace the caller's default model and fallbacks",
      description =
          "default_model is used when an ask names no model_name; fallbacks (at most 5 model names)"
              + " are tried in order when an ask lists none.")
  public SettingsBody put(SettingsBody body) {
    if (body == null) {
      throw ProblemException.badRequest("default_model", "send a JSON object");
    }
    return view(settings.put(caller.userId(), body.defaultModel(), body.fallbacks()));
  }

  private static SettingsBody view(Settings s) {
    return new SettingsBody(s.defaultModel(), s.fallbacks());
  }
}
