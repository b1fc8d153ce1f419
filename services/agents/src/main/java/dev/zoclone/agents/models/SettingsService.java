package dev.zoclone.agents.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.keys.RecentLookups;
import dev.zoclone.agents.repository.UserSettingsEntity;
import dev.zoclone.agents.repository.UserSettingsRepository;
import dev.zoclone.platform.json.TextRules;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each user's ask defaults: the model used when a request names none and the fallbacks tried when a
 * request lists none. A request's own values always win.
 */
@ApplicationScoped
public class SettingsService {
  /** Most fallbacks a user may list. */
  public static final int MAX_FALLBACKS = 5;

  private static final int MAX_NAME_CHARS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final UserSettingsRepository settings;
  private final RecentLookups<String, Settings> recent =
      new RecentLookups<>(Duration.ofSeconds(1), 10_000);

  private final TransactionSynchronizationRegistry transaction;

  public SettingsService(
      UserSettingsRepository settings, TransactionSynchronizationRegistry transaction) {
    this.settings = settings;
    this.transaction = transaction;
  }

  /** A user's settings; an empty list and a null model when none are set. */
  public record Settings(String defaultModel, List<String> fallbacks) {
    public static final Settings NONE = new Settings(null, List.of());
  }

  /**
   * The owner's settings, or {@link Settings#NONE}; read at most once a second per owner, in a
   * transaction only when read.
   */
  public Settings get(String owner) {
    return recent
        .get(
            owner,
            o ->
                QuarkusTransaction.joiningExisting()
                    .call(
                        () -> Optional.ofNullable(settings.findById(o)).map(SettingsService::view)))
        .orElse(Settings.NONE);
  }

  /** Replaces the owner's settings after checking every model name; 400 names the bad field. */
  @Transactional
  public Settings put(String owner, String defaultModel, List<String> fallbacks) {
    String model = defaultModel == null || defaultModel.isBlank() ? null : defaultModel.trim();
    if (model != null) {
      check("default_model", model);
    }
    List<String> names = new ArrayList<>();
    if (fallbacks != null) {
      if (fallbacks.size() > MAX_FALLBACKS) {
        throw ProblemException.badRequest("fallbacks", "at most " + MAX_FALLBACKS + " models");
      }
      for (int i = 0; i < fallbacks.size(); i++) {
        String name = fallbacks.get(i);
        if (name == null || name.isBlank()) {
          throw ProblemException.badRequest("fallbacks[" + i + "]", "must be a model name");
        }
        check("fallbacks[" + i + "]", name.trim());
        names.add(name.trim());
      }
    }
    // One writer per owner at a time: two first PUTs would both insert the owner's row.
    settings
        .getEntityManager()
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
        .setParameter(1, "user-settings:" + owner)
        .getSingleResult();
    UserSettingsEntity entity = settings.findById(owner);
    boolean created = entity == null;
    if (created) {
      entity = new UserSettingsEntity();
      entity.owner = owner;
    }
    entity.defaultModel = model;
    entity.fallbacks = write(names);
    entity.updatedAt = Instant.now();
    if (created) {
      settings.persist(entity);
    }
    recent.forgetAtCommit(owner, transaction);
    return view(entity);
  }

  private static void check(String field, String name) {
    TextRules.requireAtMost(field, name, MAX_NAME_CHARS);
    try {
      ModelRef.parse(name);
    } catch (ProblemException e) {
      throw ProblemException.badRequest(field, "must be <key name>:<model> or a key name");
    }
  }

  private static Settings view(UserSettingsEntity entity) {
    try {
      List<String> fallbacks =
          entity.fallbacks == null
              ? List.of()
              : JSON.readValue(entity.fallbacks, new TypeReference<List<String>>() {});
      return new Settings(entity.defaultModel, List.copyOf(fallbacks));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("settings of " + entity.owner + " are not readable", e);
    }
  }

  private static String write(List<String> names) {
    try {
      return JSON.writeValueAsString(names);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
