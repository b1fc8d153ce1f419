package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.keys.KeyService;
import dev.zoclone.agents.models.ModelRef;
import dev.zoclone.agents.models.SettingsService;
import dev.zoclone.contract.agents.KeyView;
import dev.zoclone.platform.identity.CurrentCaller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/models}: the models the caller can name, whether a key is set, and which is
 * the default (the caller's setting, else the service's).
 */
@Path("/api/v1/models")
public class ModelResource {
  private final KeyService keys;
  private final SettingsService settings;
  private final AgentsConfig config;
  private final CurrentCaller caller;

  public ModelResource(
      KeyService keys, SettingsService settings, AgentsConfig config, CurrentCaller caller) {
    this.keys = keys;
    this.settings = settings;
    this.config = config;
    this.caller = caller;
  }

  /** A model name usable as {@code model_name}. */
  public record ModelView(
      @JsonProperty("model_name") String modelName,
      String provider,
      @JsonProperty("key_set") boolean keySet,
      @JsonProperty("default") boolean isDefault) {}

  /** Body of the answer. */
  public record ModelList(List<ModelView> models) {}

  @GET
  public ModelList models() {
    List<KeyView> owned = keys.list(caller.userId());
    // the caller's own default (zo settings) wins over the service's
    String defaultName =
        Optional.ofNullable(settings.get(caller.userId()).defaultModel())
            .or(config::defaultModel)
            .orElse(null);
    List<ModelView> models = new ArrayList<>();
    boolean defaultListed = false;
    for (KeyView key : owned) {
      String name =
          key.defaultModel() != null
              ? key.name() + ":" + key.defaultModel()
              : key.name() + ":<model>";
      boolean isDefault = name.equals(defaultName);
      defaultListed |= isDefault;
      models.add(new ModelView(name, key.provider(), true, isDefault));
    }
    if (defaultName != null && !defaultListed) {
      String keyName = ModelRef.parse(defaultName).keyName();
      KeyView key = owned.stream().filter(k -> k.name().equals(keyName)).findFirst().orElse(null);
      models.add(
          new ModelView(defaultName, key == null ? keyName : key.provider(), key != null, true));
    }
    return new ModelList(models);
  }
}
