package dev.zoclone.platform.identity;

import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The user on whose behalf the current request runs, as vouched for by the gateway. */
@RequestScoped
public class CurrentCaller {
  private String userId;
  private boolean admin;

  void set(String userId, boolean admin) {
    this.userId = userId;
    this.admin = admin;
  }

  /** The caller's user id; every read and write is scoped to it. */
  public String userId() {
    if (userId == null) {
      throw new ProblemException(401, "unauthenticated", "Unauthenticated", "no caller");
    }
    return userId;
  }

  /** Whether the gateway vouched that the caller is an admin. */
  public boolean admin() {
    return admin;
  }
}
