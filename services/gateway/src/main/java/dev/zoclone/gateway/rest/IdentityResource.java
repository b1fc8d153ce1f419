package dev.zoclone.gateway.rest;

import dev.zoclone.gateway.Caller;
import dev.zoclone.gateway.CreatedUser;
import dev.zoclone.gateway.IssuedToken;
import dev.zoclone.gateway.TokenView;
import dev.zoclone.gateway.UserView;
import dev.zoclone.gateway.service.TokenService;
import dev.zoclone.gateway.service.UserService;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Users and API tokens. */
@Path("/api/v1")
@Tag(name = "Identity", description = "Users and their API tokens")
@SecurityScheme(
    securitySchemeName = IdentityResource.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An API token (`zo_...`); the first admin token is in `$ZO_HOME/admin-token`")
@SecurityRequirement(name = IdentityResource.BEARER)
@APIResponse(responseCode = "401", description = "No token, or not a live one")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IdentityResource {
  /** Name of the bearer-token security scheme in the OpenAPI document. */
  static final String BEARER = "bearer";

  /** Longest id or name a path may carry. */
  private static final int MAX_REF = 200;

  private final UserService users;
  private final TokenService tokens;
  private final RoutingContext request;

  public IdentityResource(UserService users, TokenService tokens, RoutingContext request) {
    this.users = users;
    this.tokens = tokens;
    this.request = request;
  }

  @POST
  @Path("/users")
  @ResponseStatus(201)
  @Operation(
      summary = "Create a user (admin only)",
      description = "Answers the user's first token; it is shown only this once.")
  @APIResponse(responseCode = "201", description = "The user and their first token")
  @APIResponse(responseCode = "400", description = "The name is missing or not allowed")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  @APIResponse(responseCode = "409", description = "A user with this name exists")
  public CreatedUser createUser(@Valid @NotNull NewUserRequest body) {
    return users.create(caller(), body.name());
  }

  @POST
  @Path("/tokens")
  @ResponseStatus(201)
  @Operation(
      summary = "Create a token for the caller",
      description = "The token is shown only this once; only its hash is stored.")
  @APIResponse(responseCode = "201", description = "The new token")
  public IssuedToken createToken(@Valid NewTokenRequest body) {
    return tokens.issueForCaller(caller(), body == null ? null : body.name());
  }

  @GET
  @Path("/tokens")
  @Operation(
      summary = "List the caller's tokens",
      description = "Id, name, created and last used; never the token itself.")
  @APIResponse(responseCode = "200", description = "The caller's tokens, oldest first")
  public TokenView.TokenList listTokens() {
    return new TokenView.TokenList(tokens.list(caller()));
  }

  @DELETE
  @Path("/tokens/{id}")
  @Operation(
      summary = "Revoke one of the caller's tokens",
      description = "By id, or by name when exactly one of the caller's tokens has it.")
  @APIResponse(responseCode = "204", description = "Revoked")
  @APIResponse(responseCode = "404", description = "The caller has no token with this id or name")
  @APIResponse(responseCode = "409", description = "Several of the caller's tokens have this name")
  public void deleteToken(@PathParam("id") @Size(max = MAX_REF) String id) {
    tokens.revoke(caller(), id);
  }

  @GET
  @Path("/users")
  @Operation(summary = "List users (admin only)")
  @APIResponse(responseCode = "200", description = "Every user, oldest first")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  public UserView.UserList listUsers() {
    return new UserView.UserList(users.list(caller()));
  }

  @DELETE
  @Path("/users/{id}")
  @Operation(
      summary = "Delete a user and their tokens (admin only)",
      description = "By id or name. Their data in the other services is not deleted.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  @APIResponse(responseCode = "404", description = "No such user")
  @APIResponse(responseCode = "409", description = "The caller named themself")
  public void deleteUser(@PathParam("id") @Size(max = MAX_REF) String id) {
    users.delete(caller(), id);
  }

  @POST
  @Path("/users/{id}/disable")
  @Consumes(MediaType.WILDCARD) // no body
  @Operation(
      summary = "Disable a user (admin only)",
      description = "Their tokens are refused until enabled again; disabling twice is a no-op.")
  @APIResponse(responseCode = "200", description = "The user, disabled")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  @APIResponse(responseCode = "404", description = "No such user")
  @APIResponse(responseCode = "409", description = "The caller named themself")
  public UserView disableUser(@PathParam("id") @Size(max = MAX_REF) String id) {
    return users.setDisabled(caller(), id, true);
  }

  @POST
  @Path("/users/{id}/enable")
  @Consumes(MediaType.WILDCARD) // no body
  @Operation(summary = "Enable a disabled user (admin only)")
  @APIResponse(responseCode = "200", description = "The user, enabled")
  @APIResponse(responseCode = "403", description = "The caller is not an admin")
  @APIResponse(responseCode = "404", description = "No such user")
  @APIResponse(responseCode = "409", description = "The caller named themself")
  public UserView enableUser(@PathParam("id") @Size(max = MAX_REF) String id) {
    return users.setDisabled(caller(), id, false);
  }

  @GET
  @Path("/me")
  @Operation(summary = "Who the caller is")
  public Caller me() {
    return caller();
  }

  private Caller caller() {
    return BearerAuthentication.callerOf(request);
  }
}
