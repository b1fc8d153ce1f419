package dev.zoclone.gateway.rest;

import dev.zoclone.contract.StatusResponse;
import dev.zoclone.gateway.service.StatusService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's status at a glance. */
@Path("/api/v1/status")
@Tag(name = "Status", description = "Readiness of the gateway and every service behind it")
@SecurityRequirement(name = IdentityResource.BEARER)
@APIResponse(responseCode = "401", description = "No token, or not a live one")
public class StatusResource {
  private final StatusService status;

  public StatusResource(StatusService status) {
    this.status = status;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Readiness of every service",
      description =
          "Asks each service's /q/health/ready in parallel; a service that is down or slow shows"
              + " DOWN, and the call still answers 200.")
  public Uni<StatusResponse> status() {
    return status.status();
  }
}
