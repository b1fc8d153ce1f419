package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.service.KeyService;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Operator routes, reachable only with the gateway's internal secret (never routed by the gateway):
 * master-key rotation re-encrypts every stored key; restart the service with the new {@code
 * ZO_MASTER_KEY} afterwards.
 */
@Path("/internal/v1/admin")
public class AdminResource {
  private final KeyService keys;

  public AdminResource(KeyService keys) {
    this.keys = keys;
  }

  /** Body of a rotation: base64 of the new 32-byte master key. */
  public record RotateRequest(@JsonProperty("new_master_key") String newMasterKey) {}

  /** How many keys were re-encrypted. */
  public record RotateResponse(@JsonProperty("reencrypted") int reencrypted) {}

  @POST
  @Path("rotate-master-key")
  public RotateResponse rotate(RotateRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("new_master_key", "is required");
    }
    return new RotateResponse(keys.rotateMasterKey(request.newMasterKey()));
  }
}
