package dev.zoclone.scheduler.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.contract.scheduler.AutomationList;
import dev.zoclone.contract.scheduler.AutomationView;
import dev.zoclone.contract.scheduler.NewAutomation;
import dev.zoclone.contract.scheduler.Occurrence;
import dev.zoclone.contract.scheduler.PreviewRequest;
import dev.zoclone.contract.scheduler.PreviewResponse;
import dev.zoclone.contract.scheduler.RunList;
import dev.zoclone.contract.scheduler.RunView;
import dev.zoclone.platform.egress.EgressPolicy;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.platform.problem.ProblemException;
import dev.zoclone.platform.quota.OwnerQuotas;
import dev.zoclone.scheduler.CatchUp;
import dev.zoclone.scheduler.config.SchedulerConfig;
import dev.zoclone.scheduler.messaging.UserTopics;
import dev.zoclone.scheduler.repository.AutomationEntity;
import dev.zoclone.scheduler.repository.AutomationRepository;
import dev.zoclone.scheduler.repository.RunEntity;
import dev.zoclone.scheduler.repository.RunRepository;
import dev.zoclone.scheduler.service.RecurrenceExpander.Checkpoint;
import dev.zoclone.scheduler.service.RecurrenceExpander.Found;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rules of automations: validation, ownership, next runs, preview and history. */
@ApplicationScoped
public class AutomationService {
  private static final int MAX_TITLE = 200;
  private static final int MAX_RUNS = 500;

  private final AutomationRepository automations;
  private final RunRepository runs;
  private final RecurrenceExpander expander;
  private final SchedulerConfig config;
  private final Clock clock;
  private final UserTopics userTopics;
  private final EgressPolicy egress;
  private final OwnerQuotas quotas;
  private final WebhookSecrets secrets;
  private final long maxAutomations;

  public AutomationService(
      AutomationRepository automations,
      RunRepository runs,
      RecurrenceExpander expander,
      SchedulerConfig config,
      Clock clock,
      UserTopics userTopics,
      EgressPolicy egress,
      OwnerQuotas quotas,
      WebhookSecrets secrets,
      @ConfigProperty(name = "zo.quota.automations") long maxAutomations) {
    this.egress = egress;
    this.automations = automations;
    this.runs = runs;
    this.expander = expander;
    this.config = config;
    this.clock = clock;
    this.userTopics = userTopics;
    this.quotas = quotas;
    this.secrets = secrets;
    this.maxAutomations = maxAutomations;
  }

  /** The first {@code count} occurrences of a rule, without storing anything. */
  public PreviewResponse preview(PreviewRequest request) {
    if (request.count() == null
        || request.count() < 1
        || request.count() > config.maxPreviewCount()) {
      throw ProblemException.badRequest("count", "must be from 1 to " + config.maxPreviewCount());
    }
    try {
      Recurrence recurrence =
          Recurrence.of(request.rrule(), request.dtstart(), request.tzid(), request.exdates());
      expander.requireOccurs(recurrence);
      return new PreviewResponse(occurrences(expander.after(recurrence, null, request.count())));
    } catch (InvalidRecurrenceException e) {
      throw RecurrenceProblems.of(e);
    }
  }

  /** Creates an automation owned by {@code owner}. */
  @Transactional
  public AutomationView create(String owner, NewAutomation request) {
    AutomationEntity entity = new AutomationEntity();
    entity.id = UUID.randomUUID();
    entity.owner = owner;
    entity.createdAt = clock.instant();
    entity.updatedAt = entity.createdAt;
    entity.title = title(request.title());
    storeAction(entity, checkedAction(owner, request.action(), null));
    entity.active = request.active() == null || request.active();
    entity.catchUp = catchUp(request.catchUp(), CatchUp.ONCE).name();
    String dtstart = request.dtstart() == null ? defaultStart(request.tzid()) : request.dtstart();
    Recurrence recurrence = recurrence(request.rrule(), dtstart, request.tzid(), request.exdates());
    store(entity, recurrence, null);
    quotas.requireRoom(
        "automations", owner, maxAutomations, () -> automations.count("owner", owner));
    entity.persist();
    return view(entity);
  }

  /** The owner's automations. */
  public AutomationList list(String owner) {
    return new AutomationList(automations.listOwned(owner).stream().map(this::view).toList());
  }

  /** One automation of the owner's. */
  public AutomationView get(String owner, String id) {
    return view(owned(owner, id));
  }

  /**
   * Changes the given fields. Pausing stops firing; resuming, or changing the recurrence, plans the
   * next run from now, so occurrences missed while paused are not caught up.
   */
  @Transactional
  public AutomationView update(String owner, String id, NewAutomation patch) {
    AutomationEntity entity = owned(owner, id);
    if (patch.title() != null) {
      entity.title = title(patch.title());
    }
    if (patch.action() != null) {
      storeAction(entity, checkedAction(owner, patch.action(), storedAction(entity)));
    }
    if (patch.catchUp() != null) {
      entity.catchUp = catchUp(patch.catchUp(), CatchUp.ONCE).name();
    }
    boolean resumed = patch.active() != null && patch.active() && !entity.active;
    if (patch.active() != null) {
      entity.active = patch.active();
    }
    boolean recurrenceChanged =
        patch.rrule() != null
            || patch.dtstart() != null
            || patch.tzid() != null
            || patch.exdates() != null;
    if (recurrenceChanged || resumed) {
      Recurrence recurrence =
          recurrence(
              patch.rrule() == null ? entity.rrule : patch.rrule(),
              patch.dtstart() == null ? entity.dtstart.toString() : patch.dtstart(),
              patch.tzid() == null ? entity.tzid : patch.tzid(),
              patch.exdates() == null ? exdates(entity) : patch.exdates());
      // a changed rule is counted from its start again; a resumed one from its stored index
      store(entity, recurrence, recurrenceChanged ? null : checkpoint(entity));
    }
    entity.updatedAt = clock.instant();
    return view(entity);
  }

  /** Deletes an automation and its history. */
  @Transactional
  public void delete(String owner, String id) {
    automations.delete(owned(owner, id));
  }

  /** The automation's fire history, newest first. */
  public RunList runs(String owner, String id, int limit) {
    AutomationEntity entity = owned(owner, id);
    int capped = Math.max(1, Math.min(limit, MAX_RUNS));
    return new RunList(
        runs.history(entity.id, capped).stream().map(AutomationService::run).toList());
  }

  /** The stored recurrence of an automation. */
  public static Recurrence recurrenceOf(AutomationEntity entity) {
    return Recurrence.of(entity.rrule, entity.dtstart.toString(), entity.tzid, exdates(entity));
  }

  /** The stored action of an automation; its secret is sealed apart ({@link WebhookSecrets}). */
  public static AutomationAction action(AutomationEntity entity) {
    try {
      return EventJson.mapper().readValue(entity.action, AutomationAction.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("automation " + entity.id + " has an unreadable action", e);
    }
  }

  private void store(AutomationEntity entity, Recurrence recurrence, Checkpoint checkpoint) {
    entity.rrule = recurrence.rule().normalized();
    entity.dtstart = recurrence.dtstart();
    entity.tzid = recurrence.zone().getId();
    entity.exdates = String.join(",", recurrence.exdateTexts());
    setNextRun(entity, recurrence, expandOrReject(recurrence, checkpoint, clock.instant(), 1));
  }

  /**
   * Stores the next run (the first of {@code next}, or none) and, for a rule with COUNT, its index,
   * which later expansions resume from instead of counting again from dtstart.
   */
  static void setNextRun(AutomationEntity entity, Recurrence recurrence, List<Found> next) {
    Found first = next.isEmpty() ? null : next.get(0);
    entity.nextRunAt = first == null ? null : first.at().toInstant();
    boolean counted = first != null && recurrence.rule().count() != null;
    entity.countIndex = counted ? first.index() : null;
    entity.countLocal = counted ? first.local() : null;
  }

  /** Where expansion of the automation's COUNT rule may resume, or null. */
  static Checkpoint checkpoint(AutomationEntity entity) {
    return entity.countIndex == null || entity.countLocal == null
        ? null
        : new Checkpoint(entity.countLocal, entity.countIndex);
  }

  private Recurrence recurrence(String rrule, String dtstart, String tzid, List<String> exdates) {
    if (rrule != null && rrule.length() > config.limits().maxRruleChars()) {
      throw ProblemException.badRequest(
          "rrule", "at most " + config.limits().maxRruleChars() + " characters");
    }
    try {
      Recurrence recurrence = Recurrence.of(rrule, dtstart, tzid, exdates);
      expander.requireOccurs(recurrence);
      return recurrence;
    } catch (InvalidRecurrenceException e) {
      throw RecurrenceProblems.of(e);
    }
  }

  private List<Found> expandOrReject(
      Recurrence recurrence, Checkpoint checkpoint, Instant after, int limit) {
    try {
      return expander.after(recurrence, checkpoint, after, limit);
    } catch (InvalidRecurrenceException e) {
      throw RecurrenceProblems.of(e);
    }
  }

  private String defaultStart(String tzid) {
    try {
      return Recurrence.LOCAL.format(
          LocalDateTime.ofInstant(clock.instant(), Recurrence.zone(tzid))
              .truncatedTo(ChronoUnit.MINUTES));
    } catch (InvalidRecurrenceException e) {
      throw RecurrenceProblems.of(e);
    }
  }

  private AutomationView view(AutomationEntity entity) {
    List<Occurrence> next =
        entity.active && entity.nextRunAt != null
            ? occurrences(
                expander
                    .after(
                        recurrenceOf(entity),
                        checkpoint(entity),
                        clock.instant(),
                        config.nextRuns())
                    .stream()
                    .map(Found::at)
                    .toList())
            : List.of();
    return new AutomationView(
        entity.id.toString(),
        entity.title,
        entity.rrule,
        Recurrence.LOCAL.format(entity.dtstart),
        entity.tzid,
        exdates(entity),
        action(entity).withoutSecret(),
        entity.active,
        CatchUp.valueOf(entity.catchUp).wire(),
        next,
        entity.createdAt.toString());
  }

  private static RunView run(RunEntity run) {
    return new RunView(
        run.id.toString(),
        run.automationId.toString(),
        run.occurrenceAt.toString(),
        Recurrence.LOCAL.format(run.occurrenceLocal),
        run.firedAt.toString(),
        run.status,
        run.attempts,
        run.detail);
  }

  private AutomationEntity owned(String owner, String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("automation " + id);
    }
    return automations
        .findOwned(uuid, owner)
        .orElseThrow(() -> ProblemException.notFound("automation " + id));
  }

  private static List<Occurrence> occurrences(List<ZonedDateTime> zoned) {
    return zoned.stream()
        .map(
            z ->
                new Occurrence(
                    Recurrence.LOCAL.format(z.toLocalDateTime()),
                    z.toInstant().truncatedTo(ChronoUnit.SECONDS).toString()))
        .toList();
  }

  private static List<String> exdates(AutomationEntity entity) {
    return entity.exdates == null || entity.exdates.isBlank()
        ? List.of()
        : Arrays.asList(entity.exdates.split(","));
  }

  private static String title(String title) {
    if (title == null || title.isBlank()) {
      throw ProblemException.badRequest("title", "required");
    }
    if (title.length() > MAX_TITLE) {
      throw ProblemException.badRequest("title", "at most " + MAX_TITLE + " characters");
    }
    return title.strip();
  }

  private static CatchUp catchUp(String raw, CatchUp fallback) {
    if (raw == null) {
      return fallback;
    }
    try {
      return CatchUp.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("catch_up", "must be skip, once or all, not " + raw);
    }
  }

  /** The stored action with its secret opened, or without one when it no longer opens. */
  private AutomationAction storedAction(AutomationEntity entity) {
    AutomationAction stored = action(entity);
    String secret;
    try {
      secret = secrets.open(entity);
    } catch (WebhookSecrets.UnreadableSecretException e) {
      secret = null; // an edit must then give the secret again
    }
    if (secret == null) {
      secret = stored.secret(); // a row from before secrets were sealed, not sealed yet
    }
    return new AutomationAction(
        stored.type(), stored.prompt(), stored.topic(), stored.url(), secret, stored.payload());
  }

  /** Writes the action without its secret, and the secret sealed in its own columns. */
  private void storeAction(AutomationEntity entity, AutomationAction action) {
    try {
      entity.action = EventJson.mapper().writeValueAsString(action.withoutSecret());
    } catch (JsonProcessingException e) {
      throw ProblemException.badRequest("action", "cannot be stored: " + e.getOriginalMessage());
    }
    secrets.seal(entity, action.secret());
  }

  /** The action to store, checked; a webhook edited without its secret keeps the old one. */
  private AutomationAction checkedAction(
      String owner, AutomationAction action, AutomationAction previous) {
    AutomationAction effective = action;
    if (action != null
        && previous != null
        && action.secret() == null
        && previous.secret() != null
        && String.valueOf(action.type()).equalsIgnoreCase(previous.type())) {
      effective =
          new AutomationAction(
              action.type(),
              action.prompt(),
              action.topic(),
              action.url(),
              previous.secret(),
              action.payload());
    }
    ActionType type = ActionValidator.validate(effective);
    ActionValidator.checkSizes(effective, config.limits());
    if (type == ActionType.KAFKA) {
      userTopics.check(owner, effective.topic());
      userTopics.ensure(effective.topic());
    }
    if (type == ActionType.WEBHOOK) {
      egress.checkUrl("action.url", effective.url());
    }
    return new AutomationAction(
        type.wire(),
        effective.prompt(),
        effective.topic(),
        effective.url(),
        type == ActionType.WEBHOOK ? effective.secret() : null,
        effective.payload());
  }
}
