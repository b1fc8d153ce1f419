package dev.zoclone.gateway.ratelimit;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.rest.BearerAuthentication;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's rate limit: the platform default, or an override an admin sets. */
@Path("/api/v1/users/{id}/limits")
@Tag(name = "Rate limits", description = "Per-token request limits, per user")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No token, or not a live one")
@APIResponse(
    responseCode = "429",
    description = "The caller's token is over its rate limit; retry after `Retry-After` seconds")
@Produces(MediaType.APPLICATION_JSON)
public class UserLimitsResource {
  private final UserLimits limits;
  private final RoutingContext request;

  public UserLimitsResource(UserLimits limits, RoutingContext request) {
    this.limits = limits;
    this.request = request;
  }

  @GET
  @Operation(
      summary = "A user's rate limit",
      description = "An admin may read anyone's; a user, their own.")
  @APIResponse(responseCode = "200", description = "The limit each of the user's tokens has")
  @APIResponse(responseCode = "404", description = "No such user (or not the caller's own)")
  public LimitsView get(@PathParam("id") String userId) {
    return LimitsView.of(limits.view(caller(), userId));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Override a user's rate limit (admin only)",
      description =
          "Each of the user's tokens may then make requests_per_second requests per second, and"
              + " burst at once; applies on every gateway replica within"
              + " zo.gateway.rate-limit.override-cache-ttl.")
  @APIResponse(responseCode = "200", description = "The limit now in force")
  @APIResponse(responseCode = "400", description = "A field is missing or out of range")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  @APIResponse(responseCode = "404", description = "No such user")
  public LimitsView put(@PathParam("id") String userId, @Valid @NotNull LimitsRequest body) {
    return LimitsView.of(
        limits.set(caller(), userId, new Limits(body.requestsPerSecond(), body.burst())));
  }

  @DELETE
  @Operation(summary = "Remove a user's override, so the platform default applies (admin only)")
  @APIResponse(responseCode = "200", description = "The default limit, now in force")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  @APIResponse(responseCode = "404", description = "No such user")
  public LimitsView delete(@PathParam("id") String userId) {
    return LimitsView.of(limits.reset(caller(), userId));
  }

  private Caller caller() {
    return BearerAuthentication.callerOf(request);
  }
}
