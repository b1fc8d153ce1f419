package dev.zoclone.gateway.service;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.CreatedUser;
import dev.zoclone.gateway.GatewayProblems;
import dev.zoclone.gateway.IssuedToken;
import dev.zoclone.gateway.UserView;
import dev.zoclone.gateway.repository.UserEntity;
import dev.zoclone.gateway.repository.UserRepository;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creates, lists, disables and deletes users; only admins may. */
@ApplicationScoped
public class UserService {
  /** The name of the user created on first start. */
  public static final String ADMIN_NAME = "admin";

  private final UserRepository users;
  private final TokenService tokens;

  public UserService(UserRepository users, TokenService tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  /** A new non-admin user named {@code name}, with a first token; 403 unless an admin asks. */
  @Transactional
  public CreatedUser create(Caller caller, String name) {
    if (!caller.admin()) {
      throw GatewayProblems.forbidden("Only an admin may create users");
    }
    if (users.findByName(name).isPresent()) {
      throw nameTaken(name);
    }
    UserEntity user = newUser(name, false);
    try {
      // Flush now so that a concurrent request creating the same name fails here, as a 409.
      users.persistAndFlush(user);
    } catch (PersistenceException e) {
      throw nameTaken(name);
    }
    IssuedToken token = tokens.issue(user, TokenService.DEFAULT_NAME);
    Log.infof("user %s created user %s (%s)", caller.id(), user.id, name);
    return new CreatedUser(user.id, user.name, token.token());
  }

  /** Every user, oldest first; 403 unless an admin asks. */
  @Transactional
  public List<UserView> list(Caller caller) {
    requireAdmin(caller, "list users");
    return users.listOldestFirst().stream().map(UserService::view).toList();
  }

  /**
   * Deletes a user named by id or name, with their tokens; their data in the other services is left
   * as it is. 403 unless an admin asks, 409 for the caller themself.
   */
  @Transactional
  public void delete(Caller caller, String idOrName) {
    UserEntity user = otherUser(caller, idOrName, "delete");
    tokens.forgetAllOf(user.id);
    // a bulk delete (the database cascades to the tokens) leaves the token rows just read alone
    users.delete("id", user.id);
    Log.infof("user %s deleted user %s (%s)", caller.id(), user.id, user.name);
  }

  /**
   * Disables or enables a user named by id or name; a disabled user's tokens are refused at once on
   * this replica and on the others once their verified-token entries expire. Doing it twice changes
   * nothing and answers the same.
   */
  @Transactional
  public UserView setDisabled(Caller caller, String idOrName, boolean disabled) {
    UserEntity user = otherUser(caller, idOrName, disabled ? "disable" : "enable");
    if (disabled && user.disabledAt == null) {
      user.disabledAt = Instant.now();
      tokens.forgetAllOf(user.id);
      Log.infof("user %s disabled user %s", caller.id(), user.id);
    } else if (!disabled && user.disabledAt != null) {
      user.disabledAt = null;
      Log.infof("user %s enabled user %s", caller.id(), user.id);
    }
    return view(user);
  }

  private UserEntity otherUser(Caller caller, String idOrName, String action) {
    requireAdmin(caller, action + " users");
    UserEntity user =
        users
            .findByIdOptional(idOrName)
            .or(() -> users.findByName(idOrName))
            .orElseThrow(() -> ProblemException.notFound("user " + idOrName));
    if (user.id.equals(caller.id())) {
      throw ProblemException.conflict("own-user", "You cannot " + action + " yourself");
    }
    return user;
  }

  private static void requireAdmin(Caller caller, String what) {
    if (!caller.admin()) {
      throw GatewayProblems.forbidden("Only an admin may " + what);
    }
  }

  private static UserView view(UserEntity user) {
    return new UserView(user.id, user.name, user.admin, user.disabledAt != null, user.createdAt);
  }

  /**
   * The admin user, created as {@value #ADMIN_NAME} when there is none yet; callers hold the
   * bootstrap lock so that replicas starting together create only one.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public UserEntity ensureAdmin() {
    users.lockAdminBootstrap();
    return users.findAnyAdmin().orElseGet(this::createAdmin);
  }

  private UserEntity createAdmin() {
    UserEntity admin =
        users
            .findByName(ADMIN_NAME)
            .map(
                existing -> {
                  Log.warnf("no admin user: promoting existing user %s to admin", existing.id);
                  existing.admin = true;
                  return existing;
                })
            .orElseGet(
                () -> {
                  UserEntity created = newUser(ADMIN_NAME, true);
                  Log.infof("created admin user %s", created.id);
                  return created;
                });
    users.persist(admin);
    return admin;
  }

  private static UserEntity newUser(String name, boolean admin) {
    UserEntity user = new UserEntity();
    user.id = UUID.randomUUID().toString();
    user.name = name;
    user.admin = admin;
    user.createdAt = Instant.now();
    return user;
  }

  private static ProblemException nameTaken(String name) {
    return ProblemException.conflict("user-exists", "A user named " + name + " already exists");
  }
}
