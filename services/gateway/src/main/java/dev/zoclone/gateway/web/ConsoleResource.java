package dev.zoclone.gateway.web;

import dev.zoclone.gateway.Caller;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The web console's pages: sign-in and sign-out, and one server-rendered page per area whose
 * scripts read and change data through the public {@code /api/v1} routes with the session cookie.
 */
@Path("/")
@Tag(name = "Console", description = "The web console's pages (HTML)")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {
  private static final URI SIGN_IN = URI.create("/console/sign-in");
  private static final URI HOME = URI.create("/console/chat");

  private final ConsoleSessions sessions;
  private final ConsoleTemplates templates;
  private final Template signIn;
  private final HttpServerRequest request;

  public ConsoleResource(
      ConsoleSessions sessions,
      ConsoleTemplates templates,
      @Location("console/sign-in.html") Template signIn,
      HttpServerRequest request) {
    this.sessions = sessions;
    this.templates = templates;
    this.signIn = signIn;
    this.request = request;
  }

  @GET
  @Operation(summary = "The console: sends a browser on to its chat page")
  @APIResponse(responseCode = "303", description = "To the chat page")
  public Response root() {
    return Response.seeOther(HOME).build();
  }

  @GET
  @Path("console")
  @Operation(summary = "The console: sends a browser on to its chat page")
  @APIResponse(responseCode = "303", description = "To the chat page")
  public Response console() {
    return Response.seeOther(HOME).build();
  }

  @GET
  @Path("console/sign-in")
  @Operation(summary = "The sign-in page, where a token is pasted once")
  @APIResponse(responseCode = "200", description = "The page")
  public Response signInPage(@CookieParam(SessionCookie.NAME) String cookie) {
    if (caller(cookie).isPresent()) {
      return Response.seeOther(HOME).build();
    }
    return html(200, signIn.data("problem", null));
  }

  @POST
  @Path("console/sign-in")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(
      summary = "Sign in with an API token",
      description =
          "Answers a session cookie (HttpOnly, SameSite=Strict, Secure over https) tied to the"
              + " token: revoking the token ends the session.")
  @APIResponse(responseCode = "303", description = "Signed in; to the chat page")
  @APIResponse(responseCode = "400", description = "No token was given")
  @APIResponse(responseCode = "401", description = "The token is not a live one")
  public Response signIn(@FormParam("token") String token) {
    String trimmed = token == null ? "" : token.strip();
    if (trimmed.isEmpty()) {
      return html(
          400,
          signIn.data(
              "problem",
              new PageProblem(
                  "Token missing", "Paste an API token (zo_...) into the token field")));
    }
    return sessions
        .signIn(trimmed)
        .map(
            session ->
                Response.seeOther(HOME)
                    .header(
                        HttpHeaders.SET_COOKIE,
                        SessionCookie.set(
                            session.cookieValue(), sessions.ttl(), SessionCookie.secure(request)))
                    .build())
        .orElseGet(
            () ->
                html(
                    401,
                    signIn.data(
                        "problem",
                        new PageProblem(
                            "Unauthenticated", "This is not a live API token of this gateway"))));
  }

  @POST
  @Path("console/sign-out")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Operation(summary = "Sign out: ends the session (the token stays valid)")
  @APIResponse(responseCode = "303", description = "Signed out; to the sign-in page")
  @APIResponse(responseCode = "403", description = "The form's CSRF token is missing or wrong")
  public Response signOut(
      @CookieParam(SessionCookie.NAME) String cookie, @FormParam("csrf") String csrf) {
    String value = SessionCookie.shaped(cookie);
    if (value == null) {
      return Response.seeOther(SIGN_IN).build();
    }
    if (!SessionCookie.csrfMatches(value, csrf)) {
      return html(
          403,
          signIn.data(
              "problem", new PageProblem("CSRF token missing", "Sign out from a console page")));
    }
    sessions.signOut(value);
    return Response.seeOther(SIGN_IN)
        .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.secure(request)))
        .build();
  }

  @GET
  @Path("console/{page}")
  @Operation(summary = "A console page (chat, keys, settings, memories, agents, ...)")
  @APIResponse(responseCode = "200", description = "The page")
  @APIResponse(responseCode = "303", description = "Not signed in; to the sign-in page")
  @APIResponse(responseCode = "404", description = "No such page")
  public Response page(
      @PathParam("page") String path, @CookieParam(SessionCookie.NAME) String cookie) {
    Optional<ConsolePage> page = ConsolePage.byPath(path);
    if (page.isEmpty()) {
      return html(404, signIn.data("problem", new PageProblem("Not found", "No such page")));
    }
    Optional<Caller> caller = caller(cookie);
    if (caller.isEmpty()) {
      return Response.seeOther(SIGN_IN).build();
    }
    String csrf = SessionCookie.csrfToken(SessionCookie.shaped(cookie));
    return html(200, templates.page(page.get(), caller.get(), csrf));
  }

  private Optional<Caller> caller(String cookie) {
    String value = SessionCookie.shaped(cookie);
    Optional<Caller> recent = sessions.recentlyVerified(value);
    return recent.isPresent() ? recent : sessions.authenticate(value);
  }

  private static Response html(int status, TemplateInstance page) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(page.render())
        .build();
  }

  /** A problem shown next to a form: its title and detail. */
  @TemplateData
  public record PageProblem(String title, String detail) {}
}
