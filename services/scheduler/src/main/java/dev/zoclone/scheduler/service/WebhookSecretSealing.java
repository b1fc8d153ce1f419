package dev.zoclone.scheduler.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.zoclone.contract.scheduler.AutomationAction;
import dev.zoclone.platform.events.EventJson;
import dev.zoclone.scheduler.repository.AutomationEntity;
import dev.zoclone.scheduler.repository.AutomationRepository;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

/**
 * Seals at start the webhook secrets still stored in plaintext in the action (rows from before
 * secrets were sealed) and clears the plaintext; re-seals under the current master key the secrets
 * sealed under an older one it still knows; does the latter again whenever the master key file
 * holds a new key (a rotation). Idempotent: a sealed row is not selected again. A secret no known
 * key opens is left as it is (and logged); its deliveries fail with that reason.
 */
@ApplicationScoped
public class WebhookSecretSealing {
  private final AutomationRepository automations;
  private final WebhookSecrets secrets;
  private volatile boolean resealing;

  public WebhookSecretSealing(AutomationRepository automations, WebhookSecrets secrets) {
    this.automations = automations;
    this.secrets = secrets;
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    int sealed = sealAll();
    if (sealed > 0) {
      Log.infof("%d webhook secrets sealed under master key %s", sealed, secrets.fingerprint());
    }
    resealing = true; // rows another transaction held were skipped: the next check takes them
  }

  /**
   * Re-seals under the master key file's key once it changes (every replica does the same), and
   * goes on while rows are left (rows the ticker held are skipped).
   */
  @Scheduled(
      every = "${zo.scheduler.master-key-check:10s}",
      delayed = "${zo.scheduler.master-key-check:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void onKeyChange() {
    if (secrets.refresh()) {
      resealing = true;
    }
    if (resealing) {
      int sealed = QuarkusTransaction.requiringNew().call(this::sealAll);
      resealing =
          QuarkusTransaction.requiringNew()
              .call(() -> automations.countToSeal(secrets.olderFingerprints()) > 0);
      if (sealed > 0) {
        Log.infof("%d webhook secrets sealed under master key %s", sealed, secrets.fingerprint());
      }
    }
  }

  /** Seals every plaintext or older-key secret it can; answers how many. */
  @Transactional
  public int sealAll() {
    int count = 0;
    for (AutomationEntity automation : automations.lockUnsealed(secrets.fingerprint())) {
      AutomationAction action = AutomationService.action(automation);
      String secret = action.secret();
      try {
        if (secret == null) {
          secret = secrets.open(automation);
        }
        automation.action = EventJson.mapper().writeValueAsString(action.withoutSecret());
      } catch (WebhookSecrets.UnreadableSecretException | JsonProcessingException e) {
        Log.warnf("automation %s: secret not sealed again: %s", automation.id, e.getMessage());
        continue;
      }
      secrets.seal(automation, "webhook".equals(action.type()) ? secret : null);
      count++;
    }
    automations.flush();
    return count;
  }
}
