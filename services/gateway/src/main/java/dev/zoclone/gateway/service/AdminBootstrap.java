package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.IssuedToken;
import dev.zoclone.gateway.repository.UserEntity;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Makes sure, at every start, that there is an admin and that {@code $ZO_HOME/admin-token} holds a
 * live admin token: the way in on a fresh install.
 */
@ApplicationScoped
public class AdminBootstrap {
  /** The label of tokens minted for the admin token file. */
  public static final String TOKEN_NAME = "admin-token-file";

  private final UserService users;
  private final TokenService tokens;
  private final TokenAuthenticator authenticator;
  private final AdminTokenFile file;

  public AdminBootstrap(
      UserService users,
      TokenService tokens,
      TokenAuthenticator authenticator,
      AdminTokenFile file) {
    this.users = users;
    this.tokens = tokens;
    this.authenticator = authenticator;
    this.file = file;
  }

  void onStart(@Observes StartupEvent event) {
    ensureAdminToken();
  }

  /** Keeps a file that holds a live admin token; otherwise mints one and writes it. */
  public void ensureAdminToken() {
    boolean fileIsLive =
        file.read().flatMap(authenticator::authenticate).filter(Caller::admin).isPresent();
    if (fileIsLive) {
      Log.infof("admin token file %s is in place", file.path());
      return;
    }
    IssuedToken token =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  UserEntity admin = users.ensureAdmin();
                  return tokens.issue(admin, TOKEN_NAME);
                });
    file.write(token.token());
    Log.infof(
        "admin token file %s was missing, unreadable or stale: wrote new admin token %s",
        file.path(), token.id());
  }
}
