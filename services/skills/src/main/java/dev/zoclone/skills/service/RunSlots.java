package dev.zoclone.skills.service;

import dev.zoclone.skills.config.SkillsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counts each user's runs in progress on this replica, refusing one past the limit. */
@ApplicationScoped
public class RunSlots {
  private final ConcurrentMap<String, Integer> running = new ConcurrentHashMap<>();
  private final int perUser;

  public RunSlots(SkillsConfig config) {
    this.perUser = config.runs().maxConcurrentPerUser();
  }

  /** Takes a slot for {@code owner}; false when the owner already uses them all. */
  public boolean tryAcquire(String owner) {
    boolean[] taken = {false};
    running.compute(
        owner,
        (key, count) -> {
          int now = count == null ? 0 : count;
          if (now >= perUser) {
            return now;
          }
          taken[0] = true;
          return now + 1;
        });
    return taken[0];
  }

  /** Gives back a slot taken by {@link #tryAcquire}. */
  public void release(String owner) {
    running.computeIfPresent(owner, (key, count) -> count <= 1 ? null : count - 1);
  }

  public int perUser() {
    return perUser;
  }
}
