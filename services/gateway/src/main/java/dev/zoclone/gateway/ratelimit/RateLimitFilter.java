package dev.zoclone.gateway.ratelimit;

import dev.zoclone.contract.Problem;
import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.GatewayProblems;
import dev.zoclone.gateway.rest.BearerAuthentication;
import dev.zoclone.gateway.service.ProtectedPaths;
import dev.zoclone.gateway.service.TokenMint;
import dev.zoclone.platform.problem.ProblemResponses;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Takes one request from the caller's token bucket after {@link BearerAuthentication}, and answers
 * 429 problem+json with {@code Retry-After} when it is empty. A request counts once however long
 * its answer streams.
 */
@Singleton
public class RateLimitFilter implements Handler<RoutingContext> {
  private static final double NANOS_PER_SECOND = 1e9;
  private static final String BEARER = "bearer ";

  private final UserLimits limits;
  private final TokenBuckets buckets;
  private final int replicas;

  public RateLimitFilter(UserLimits limits, TokenBuckets buckets, RateLimitConfig config) {
    this.limits = limits;
    this.buckets = buckets;
    this.replicas = config.replicas();
  }

  @Override
  public void handle(RoutingContext context) {
    if (!ProtectedPaths.covers(context.normalizedPath())) {
      context.next();
      return;
    }
    Caller caller = BearerAuthentication.callerOf(context);
    String key = bucketKey(caller, context.request().getHeader(HttpHeaders.AUTHORIZATION));
    limits
        .cached(caller.id())
        .ifPresentOrElse(
            effective -> decide(context, key, effective),
            () ->
                context
                    .vertx()
                    .executeBlocking(() -> limits.load(caller.id()), false)
                    .onComplete(
                        result -> {
                          if (result.succeeded()) {
                            decide(context, key, result.result());
                          } else {
                            fail(context, result.cause());
                          }
                        }));
  }

  private void decide(RoutingContext context, String key, UserLimits.Effective effective) {
    Limits limit = effective.limits().perReplica(replicas);
    long waitNanos = buckets.take(key, limit);
    if (waitNanos == 0) {
      context.next();
      return;
    }
    long retryAfter = Math.max(1, (long) Math.ceil(waitNanos / NANOS_PER_SECOND));
    Problem problem =
        new Problem(
            Problem.type("rate-limited"),
            "Too many requests",
            429,
            "This token may make "
                + effective.limits().requestsPerSecond()
                + " requests per second (burst "
                + effective.limits().burst()
                + "); retry after "
                + retryAfter
                + " s",
            context.request().path(),
            null);
    // The body, if any, is read and dropped so the connection stays usable.
    context.request().resume();
    send(context, problem, String.valueOf(retryAfter));
  }

  private static void fail(RoutingContext context, Throwable failure) {
    String reference = UUID.randomUUID().toString();
    Log.errorf(failure, "cannot read rate limits, reference %s", reference);
    context.request().resume();
    send(context, GatewayProblems.internal(reference, context.request().path()), null);
  }

  private static void send(RoutingContext context, Problem problem, String retryAfter) {
    HttpServerResponse response = context.response();
    if (response.headWritten() || response.closed()) {
      return;
    }
    if (retryAfter != null) {
      response.putHeader(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    response
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(ProblemResponses.toJson(problem));
  }

  /**
   * One bucket per token: the hash of the bearer token, or the user's id for a caller that was
   * authenticated some other way (no {@code Authorization} header).
   */
  private static String bucketKey(Caller caller, String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return caller.id();
    }
    return caller.id() + ":" + TokenMint.hash(authorization.substring(BEARER.length()).trim());
  }
}
