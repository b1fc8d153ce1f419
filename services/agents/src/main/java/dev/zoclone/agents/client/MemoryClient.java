package dev.zoclone.agents.client;

import dev.zoclone.contract.memory.AppendMessages;
import dev.zoclone.contract.memory.ContextRequest;
import dev.zoclone.contract.memory.ContextResponse;
import dev.zoclone.contract.memory.ConversationMessage;
import dev.zoclone.contract.memory.StartConversation;
import dev.zoclone.contract.memory.StartedConversation;
import dev.zoclone.contract.memory.SummaryUpdate;
import dev.zoclone.platform.config.PlatformConfig;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The memory service as the agents service uses it, always on behalf of one user: a conversation
 * the user does not own is a 404, and memory being down is a 503 problem. Timeouts are the REST
 * client's {@code quarkus.rest-client.memory.*-timeout}.
 */
@ApplicationScoped
public class MemoryClient {
  private final MemoryRestApi api;
  private final String secret;

  public MemoryClient(@RestClient MemoryRestApi api, PlatformConfig platform) {
    this.api = api;
    this.secret = platform.internalSecret();
  }

  /** Starts a conversation for {@code user} and answers the context of its first message. */
  public StartedConversation startConversation(String user, StartConversation request) {
    return call(() -> api.start(secret, user, request));
  }

  /** The context of a new message in the user's conversation. */
  public ContextResponse context(String user, String conversationId, ContextRequest request) {
    return call(() -> api.context(secret, user, conversationId, request));
  }

  /** Appends turns to the user's conversation. */
  public void append(String user, String conversationId, List<ConversationMessage> messages) {
    call(
        () -> {
          api.append(secret, user, conversationId, new AppendMessages(messages));
          return null;
        });
  }

  /** Replaces the conversation's rolling summary. */
  public void updateSummary(String user, String conversationId, SummaryUpdate update) {
    call(
        () -> {
          api.summary(secret, user, conversationId, update);
          return null;
        });
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 404) {
        throw ProblemException.notFound("conversation");
      }
      if (status == 413) {
        throw new ProblemException(
            413,
            "payload-too-large",
            "Request too large",
            "the input is larger than the memory service stores (about 1 MB)");
      }
      if (status == 400) {
        throw new ProblemException(
            400, "memory-rejected", "Memory rejected the request", "memory answered 400");
      }
      throw new ProblemException(
          502, "memory-error", "Memory service failed", "memory answered HTTP " + status);
    } catch (ProcessingException e) {
      throw new ProblemException(
          503, "memory-unavailable", "Memory service unavailable", "memory is not reachable");
    }
  }
}
