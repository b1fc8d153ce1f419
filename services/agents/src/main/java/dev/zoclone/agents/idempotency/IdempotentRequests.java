package dev.zoclone.agents.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zoclone.agents.config.AgentsConfig;
import dev.zoclone.agents.idempotency.IdempotencyRepository.Stored;
import dev.zoclone.agents.runs.RunOwnership;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of ask and spawn routes: the first request with a key runs and
 * its successful answer is stored; the same key of the same user on the same route then gets that
 * answer again for a day without running anything. The same key with another body is a 422, and
 * while the first request still runs a 409. A request that failed frees its key for a retry, and so
 * does one whose replica died before it answered (once that replica's heartbeat expired).
 */
@ApplicationScoped
public class IdempotentRequests {
  /** The request header. */
  public static final String HEADER = "Idempotency-Key";

  /** The header on a replayed answer. */
  public static final String REPLAYED = "Idempotency-Replayed";

  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

  private final IdempotencyRepository stored;
  private final ObjectMapper json;
  private final AgentsConfig.Idempotency config;
  private final Duration replicaExpiry;
  private final RunOwnership replica;

  public IdempotentRequests(
      IdempotencyRepository stored, ObjectMapper json, AgentsConfig config, RunOwnership replica) {
    this.stored = stored;
    this.json = json;
    this.config = config.idempotency();
    this.replicaExpiry = config.replica().expiry();
    this.replica = replica;
  }

  /** One request under a key, or under none ({@code key} null): a replay, or a claim to settle. */
  public final class Claim {
    private final String owner;
    private final String route;
    private final String key;
    private final Stored replay;

    private Claim(String owner, String route, String key, Stored replay) {
      this.owner = owner;
      this.route = route;
      this.key = key;
      this.replay = replay;
    }

    /** The stored answer to send again, or empty when this request is to run. */
    public Optional<Stored> replay() {
      return Optional.ofNullable(replay);
    }

    /** Stores the answer of the request that ran. */
    public void done(int status, Object entity) {
      if (key != null) {
        stored.complete(owner, route, key, status, write(entity));
      }
    }

    /** Frees the key of the request that failed. */
    public void failed() {
      if (key != null) {
        stored.release(owner, route, key);
      }
    }
  }

  /**
   * Claims {@code key} (may be null: no key) for {@code owner}'s request on {@code route}, or finds
   * its stored answer; 400 for a malformed key, 422 when the key was used with another request, 409
   * while the key's first request still runs.
   */
  public Claim begin(String owner, String route, String key, Object request) {
    if (key == null) {
      return new Claim(owner, route, null, null);
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.badRequest(HEADER, "must be 1-255 visible ASCII characters");
    }
    String hash = hash(request);
    for (int attempt = 0; attempt < 3; attempt++) {
      if (stored.claim(
          owner,
          route,
          key,
          hash,
          replica.replicaId(),
          config.ttl(),
          config.staleAfter(),
          replicaExpiry)) {
        return new Claim(owner, route, key, null);
      }
      Optional<Stored> found = stored.find(owner, route, key);
      if (found.isEmpty()) {
        continue; // freed between the two statements: claim again
      }
      Stored previous = found.get();
      if (!previous.requestHash().equals(hash)) {
        throw new ProblemException(
            422,
            "idempotency-key-reused",
            "Idempotency-Key reused",
            "this Idempotency-Key was used with another request in the last day");
      }
      if (previous.status() == null) {
        throw ProblemException.conflict(
            "idempotency-key-in-progress",
            "the first request with this Idempotency-Key still runs");
      }
      return new Claim(owner, route, key, previous);
    }
    throw ProblemException.conflict(
        "idempotency-key-in-progress", "the first request with this Idempotency-Key still runs");
  }

  /** Runs a JSON request once per key: its answer, or the stored answer of the key's first run. */
  public Response once(
      String owner, String route, String key, Object request, Supplier<Response> call) {
    Claim claim = begin(owner, route, key, request);
    if (claim.replay().isPresent()) {
      return replay(claim.replay().get());
    }
    Response response;
    try {
      response = call.get();
    } catch (RuntimeException e) {
      claim.failed();
      throw e;
    }
    if (response.getStatus() >= 200 && response.getStatus() < 300) {
      claim.done(response.getStatus(), response.getEntity());
    } else {
      claim.failed();
    }
    return response;
  }

  /** The stored answer as a JSON response, marked as replayed. */
  public static Response replay(Stored answer) {
    return Response.status(answer.status())
        .entity(answer.body())
        .type(MediaType.APPLICATION_JSON)
        .header(REPLAYED, "true")
        .build();
  }

  private String write(Object entity) {
    try {
      return json.writeValueAsString(entity);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an answer could not be stored", e);
    }
  }

  private String hash(Object request) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(write(request).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
