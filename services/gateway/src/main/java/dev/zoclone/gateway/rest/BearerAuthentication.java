package dev.zoclone.gateway.rest;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.GatewayProblems;
import dev.zoclone.gateway.config.GatewayConfig;
import dev.zoclone.gateway.service.ProtectedPaths;
import dev.zoclone.gateway.service.TokenAuthenticator;
import dev.zoclone.gateway.web.ConsoleSessions;
import dev.zoclone.gateway.web.CsrfCheck;
import dev.zoclone.gateway.web.SessionCookie;
import dev.zoclone.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Authenticates every request outside {@code /q} before anything else sees it, for the gateway's
 * own routes and the forwarded ones alike, and refuses bodies declared over the size limit.
 */
@Singleton
public class BearerAuthentication implements Handler<RoutingContext> {
  private static final String CALLER = "zo.gateway.caller";

  private final TokenAuthenticator authenticator;
  private final ConsoleSessions sessions;
  private final long maxRequestBytes;

  public BearerAuthentication(
      TokenAuthenticator authenticator, ConsoleSessions sessions, GatewayConfig config) {
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.maxRequestBytes = config.maxRequestBytes();
  }

  /** The caller this handler authenticated for the request. */
  public static Caller callerOf(RoutingContext context) {
    Caller caller = context.get(CALLER);
    if (caller == null) {
      throw new ProblemException(401, "unauthenticated", "Unauthenticated", "no caller");
    }
    return caller;
  }

  @Override
  public void handle(RoutingContext context) {
    String path = context.normalizedPath();
    if (!ProtectedPaths.covers(path)) {
      context.next();
      return;
    }
    HttpServerRequest request = context.request();
    if (declaredLength(request) > maxRequestBytes) {
      ProblemReplies.sendAndClose(context, GatewayProblems.payloadTooLarge(maxRequestBytes, path));
      return;
    }
    // Hold the body until the caller is known; whoever handles the request next reads it.
    request.pause();
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    // Without a bearer token, the web console's session cookie is the credential; a request it
    // authenticates that changes state must also carry the session's CSRF token.
    String session = authorization == null ? SessionCookie.valueOf(request) : null;
    if (session != null && CsrfCheck.refuses(request, session)) {
      request.resume();
      ProblemReplies.send(context, CsrfCheck.problem(path));
      return;
    }
    Optional<Caller> recent =
        session != null
            ? sessions.recentlyVerified(session)
            : authenticator.recentlyVerified(authorization);
    if (recent.isPresent()) {
      context.put(CALLER, recent.get());
      context.next();
      return;
    }
    context
        .vertx()
        .executeBlocking(
            () ->
                session != null
                    ? sessions.authenticate(session)
                    : authenticator.authenticateHeader(authorization),
            false)
        .onComplete(
            result -> {
              if (result.succeeded() && result.result().isPresent()) {
                context.put(CALLER, result.result().get());
                context.next();
              } else {
                request.resume();
                refuse(context, path, authorization, result.succeeded() ? null : result.cause());
              }
            });
  }

  private static void refuse(
      RoutingContext context, String path, String authorization, Throwable failure) {
    if (failure != null) {
      String reference = UUID.randomUUID().toString();
      Log.errorf(failure, "cannot authenticate a request, reference %s", reference);
      ProblemReplies.send(context, GatewayProblems.internal(reference, path));
      return;
    }
    // RFC 6750 3: name the scheme, and say when a token was sent but is not good.
    context
        .response()
        .putHeader(
            "WWW-Authenticate",
            authorization == null
                ? "Bearer realm=\"zoclone\""
                : "Bearer realm=\"zoclone\", error=\"invalid_token\"");
    ProblemReplies.send(context, GatewayProblems.unauthenticated(path));
  }

  private static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? 0 : Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      // Malformed lengths are the HTTP server's to refuse; treat as unknown here.
      return 0;
    }
  }
}
