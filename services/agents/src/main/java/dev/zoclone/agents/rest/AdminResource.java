package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.keys.KeyService;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Admin routes, answered only to a request the gateway forwarded (internal secret) for an admin
 * ({@code X-Zo-Admin}): master-key rotation re-encrypts every stored key under the new key, which
 * this replica uses at once and the others once it is in their master key file (see {@link
 * dev.zoclone.agents.keys.KeyCipher}).
 */
@Path("/api/v1/admin/master-key")
public class AdminResource {
  private final KeyService keys;
  private final CurrentCaller caller;

  public AdminResource(KeyService keys, CurrentCaller caller) {
    this.keys = keys;
    this.caller = caller;
  }

  /** Body of a rotation: base64 of the new 32-byte master key. */
  public record RotateRequest(@JsonProperty("new_master_key") String newMasterKey) {}

  /** How many keys were re-encrypted. */
  public record RotateResponse(@JsonProperty("reencrypted") int reencrypted) {}

  @POST
  @Path("rotate")
  public RotateResponse rotate(RotateRequest request) {
    caller.userId();
    if (!caller.admin()) {
      throw new ProblemException(
          403, "forbidden", "Forbidden", "only an admin may rotate the master key");
    }
    if (request == null) {
      throw ProblemException.badRequest("new_master_key", "is required");
    }
    return new RotateResponse(keys.rotateMasterKey(request.newMasterKey()));
  }
}
