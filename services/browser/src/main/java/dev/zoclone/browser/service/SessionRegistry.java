package dev.zoclone.browser.service;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import dev.zoclone.browser.config.BrowserConfig;
import dev.zoclone.browser.repository.SessionDirectory;
import dev.zoclone.contract.browser.NewSession;
import dev.zoclone.contract.browser.SessionView;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The live sessions of this replica: opening within the limits, lookup, closing, idle expiry. */
@ApplicationScoped
public class SessionRegistry {
  private static final int RETRY_AFTER_SECONDS = 5;

  private final Map<String, BrowserSession> sessions = new ConcurrentHashMap<>();
  private final BrowserConfig config;
  private final BrowserWorkers workers;
  private final NamedStates states;
  private final SessionDirectory directory;
  private final EgressProxy proxy;
  private final PolicyRoutes routes;
  private final PageWiring wiring;

  public SessionRegistry(
      BrowserConfig config,
      BrowserWorkers workers,
      NamedStates states,
      SessionDirectory directory,
      UrlPolicy policy,
      EgressProxy proxy) {
    this.config = config;
    this.workers = workers;
    this.states = states;
    this.directory = directory;
    this.proxy = proxy;
    this.routes = new PolicyRoutes(policy);
    this.wiring = new PageWiring(config.maxPagesPerSession(), config.maxDownloadBytes());
  }

  void forgetPreviousRun(@Observes StartupEvent event) {
    directory.removeReplica(config.replicaUrl());
  }

  /** Opens a session for {@code owner}; 429 naming the limit when one is reached. */
  public BrowserSession open(String owner, NewSession request) {
    NewSession spec = request == null ? NewSession.anonymous() : request;
    SessionSpecs.validate(spec, config);
    long idleMs =
        spec.idleTimeoutMs() != null ? spec.idleTimeoutMs() : config.idleTimeout().toMillis();
    String name = spec.name() == null || spec.name().isBlank() ? null : spec.name().trim();
    BrowserSession session;
    synchronized (this) {
      if (sessions.size() >= config.maxSessions()) {
        throw limit("max-sessions", config.maxSessions() + " sessions are open on this replica");
      }
      long mine = sessions.values().stream().filter(s -> s.owner().equals(owner)).count();
      if (mine >= config.maxSessionsPerUser()) {
        throw limit("max-sessions-per-user", "you have " + mine + " open sessions (the limit)");
      }
      if (name != null) {
        sessions.values().stream()
            .filter(s -> s.owner().equals(owner) && name.equals(s.name()) && !s.lost())
            .findFirst()
            .ifPresent(
                s -> {
                  throw ProblemException.conflict(
                      "session-open", "session '" + name + "' is already open as " + s.id());
                });
      }
      session =
          new BrowserSession(
              UUID.randomUUID().toString(), owner, name, workers.leastLoaded(), idleMs);
      sessions.put(session.id(), session);
    }
    try {
      Optional<String> saved = name == null ? Optional.empty() : states.load(owner, name);
      BrowserSession opened = session;
      session.worker().call(() -> start(opened, spec, saved), Duration.ofSeconds(60));
      directory.register(session.id(), owner, config.replicaUrl());
      return session;
    } catch (RuntimeException e) {
      sessions.remove(session.id());
      proxy.unregister(session);
      throw e;
    }
  }

  private Void start(BrowserSession session, NewSession spec, Optional<String> savedState) {
    BrowserWorker worker = session.worker();
    worker.relaunchIfDead();
    Browser.NewContextOptions options =
        new Browser.NewContextOptions()
            .setAcceptDownloads(true)
            .setServiceWorkers(ServiceWorkerPolicy.BLOCK)
            .setProxy(proxy.register(session));
    if (spec.viewport() != null) {
      options.setViewportSize(spec.viewport().width(), spec.viewport().height());
    }
    Optional.ofNullable(spec.userAgent()).ifPresent(options::setUserAgent);
    Optional.ofNullable(spec.locale()).ifPresent(options::setLocale);
    Optional.ofNullable(spec.timezone()).ifPresent(options::setTimezoneId);
    savedState.ifPresent(options::setStorageState);
    BrowserContext context = worker.browser().newContext(options);
    context.setDefaultTimeout(config.operationTimeout().toMillis());
    context.setDefaultNavigationTimeout(config.operationTimeout().toMillis());
    session.context(context);
    routes.install(context, session);
    context.onPage(page -> wiring.adopt(session, page));
    Page first = context.newPage();
    wiring.adopt(session, first);
    session.activate(session.tabs().indexOf(first));
    worker.attach(session);
    return null;
  }

  /** Opens one more tab in the session's context (on its worker's thread). */
  Page newTab(BrowserSession session) {
    if (session.tabs().size() >= config.maxPagesPerSession()) {
      throw limit(
          "max-pages-per-session", "the session has " + config.maxPagesPerSession() + " tabs");
    }
    Page page = session.context().newPage();
    wiring.adopt(session, page);
    session.activate(session.tabs().indexOf(page));
    return page;
  }

  /** The caller's live session on this replica, if it is here. */
  public Optional<BrowserSession> find(String owner, String id) {
    BrowserSession session = sessions.get(id);
    return session != null && session.owner().equals(owner)
        ? Optional.of(session)
        : Optional.empty();
  }

  public List<BrowserSession> list(String owner) {
    return sessions.values().stream()
        .filter(s -> s.owner().equals(owner))
        .sorted(Comparator.comparing(BrowserSession::createdAt))
        .toList();
  }

  /** Closes a session; a named one saves its cookies and storage first. */
  public void close(BrowserSession session) {
    if (sessions.remove(session.id()) == null) {
      return;
    }
    directory.remove(session.id());
    proxy.unregister(session);
    try {
      session
          .worker()
          .call(
              () -> {
                if (!session.lost()) {
                  states.save(session);
                }
                if (session.worker().browser().isConnected()) {
                  session.context().close();
                }
                return null;
              },
              Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      Log.warnf("closing session %s: %s", session.id(), e.getMessage());
    } finally {
      session.worker().detach(session);
      session.events().downloads().stream()
          .filter(d -> d.file() != null)
          .forEach(
              d -> {
                try {
                  Files.deleteIfExists(d.file());
                } catch (IOException e) {
                  Log.debugf("download file %s: %s", d.file(), e.getMessage());
                }
              });
    }
  }

  /** Closes every session idle for longer than its idle timeout. */
  @Scheduled(
      every = "${zo.browser.idle-check-interval:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void closeIdle() {
    long now = System.currentTimeMillis();
    sessions.values().stream()
        .filter(s -> s.idleLongerThanItsTimeout(now))
        .toList()
        .forEach(
            s -> {
              Log.infof("closing idle browser session %s", s.id());
              close(s);
            });
  }

  /** How a session looks to its owner. */
  public static SessionView view(BrowserSession session, String url) {
    return new SessionView(
        session.id(),
        session.name(),
        url,
        session.tabs().size(),
        session.lost(),
        session.createdAt(),
        session.lastUsedAt());
  }

  /** Live sessions on this replica. */
  public int size() {
    return sessions.size();
  }

  private static ProblemException limit(String which, String detail) {
    // a session is freed when its owner closes it or it idles out: try again in a while
    return ProblemException.tooManyRequests(
        "limit-" + which, "Limit reached: " + which, detail, RETRY_AFTER_SECONDS);
  }
}
