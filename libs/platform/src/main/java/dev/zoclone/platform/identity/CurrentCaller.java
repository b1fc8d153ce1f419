package dev.zoclone.platform.identity;

import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

/** The user on whose behalf the current request runs, as vouched for by the gateway. */
@RequestScoped
public class CurrentCaller {
  private String userId;

  void set(String userId) {
    this.userId = userId;
  }

  /** The caller's user id; every read and write is scoped to it. */
  public String userId() {
    if (userId == null) {
      throw new ProblemException(401, "unauthenticated", "Unauthenticated", "no caller");
    }
    return userId;
  }
}
