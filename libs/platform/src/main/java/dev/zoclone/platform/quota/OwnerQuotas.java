package dev.zoclone.platform.quota;

import dev.zoclone.platform.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Per-user quotas on what a user may keep (automations, memories, pending jobs, …): refuses one
 * more past the configured number with a problem of type {@value #SLUG}. The check runs inside the
 * creating transaction under a per-owner lock, so concurrent creations cannot overshoot the quota.
 */
@ApplicationScoped
public class OwnerQuotas {
  /** The problem type slug, stable for clients. */
  public static final String SLUG = "quota-exceeded";

  private final AgroalDataSource dataSource;

  public OwnerQuotas(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * 409 unless {@code owner} holds fewer than {@code limit} {@code resource} (as {@code count}
   * tells, under the lock); for things the user must delete to make room.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requireRoom(String resource, String owner, long limit, LongSupplier count) {
    lock(resource, owner);
    if (count.getAsLong() >= limit) {
      throw new ProblemException(409, SLUG, "Quota exceeded", detail(resource, limit));
    }
  }

  /**
   * 429 with {@code Retry-After} unless {@code owner} may hold {@code adding} more {@code resource}
   * than {@code count} tells without passing {@code limit}; for things that drain by themselves,
   * such as pending jobs.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requireRoomOrRetry(
      String resource,
      String owner,
      long limit,
      long adding,
      LongSupplier count,
      int retryAfterSeconds) {
    lock(resource, owner);
    if (count.getAsLong() + adding > limit) {
      throw ProblemException.tooManyRequests(
          SLUG,
          "Quota exceeded",
          "You may have at most " + limit + " " + resource + "; this would be more",
          retryAfterSeconds);
    }
  }

  private static String detail(String resource, long limit) {
    return "You may have at most " + limit + " " + resource + "; this would be one more";
  }

  /** Holds, until the transaction ends, the lock on {@code owner}'s {@code resource}. */
  private void lock(String resource, String owner) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      statement.setString(1, "zo.quota:" + resource + ":" + owner);
      try (ResultSet ignored = statement.executeQuery()) {
        // the lock is held once the statement returns
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the quota lock of " + resource, e);
    }
  }
}
