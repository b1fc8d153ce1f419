package dev.zoclone.agents.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.zoclone.agents.ask.PersonaService;
import dev.zoclone.agents.ask.PersonaService.Persona;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The caller's personas: named system prompts to ask with ({@code persona_id}). */
@Path("/api/v1/personas")
public class PersonaResource {
  private final PersonaService personas;
  private final CurrentCaller caller;

  public PersonaResource(PersonaService personas, CurrentCaller caller) {
    this.personas = personas;
    this.caller = caller;
  }

  /** Most characters of a persona's name. */
  public static final int MAX_NAME_CHARS = 200;

  /** Most characters of a persona's system prompt. */
  public static final int MAX_PROMPT_CHARS = 32_768;

  /** Most tool groups a persona names. */
  public static final int MAX_TOOL_GROUPS = 32;

  /** Body of create and update. */
  public record PersonaRequest(
      @Size(max = MAX_NAME_CHARS) String name,
      @JsonProperty("system_prompt") @Size(max = MAX_PROMPT_CHARS) String systemPrompt,
      Boolean skills,
      @Size(max = MAX_TOOL_GROUPS) List<String> tools) {

    PersonaService.Fields fields() {
      return new PersonaService.Fields(name, systemPrompt, skills, tools);
    }
  }

  /** A persona as returned. */
  public record PersonaView(
      String id,
      String name,
      @JsonProperty("system_prompt") String systemPrompt,
      boolean skills,
      List<String> tools,
      @JsonProperty("created_at") Instant createdAt) {}

  /** Body of the list. */
  public record PersonaList(List<PersonaView> personas) {}

  @POST
  public Response create(@Valid PersonaRequest request) {
    PersonaRequest body = require(request);
    return Response.status(201)
        .entity(view(personas.create(caller.userId(), body.fields())))
        .build();
  }

  @GET
  public PersonaList list() {
    return new PersonaList(
        personas.list(caller.userId()).stream().map(PersonaResource::view).toList());
  }

  @GET
  @Path("{id}")
  public PersonaView get(@PathParam("id") String id) {
    return view(personas.get(caller.userId(), id));
  }

  @PUT
  @Path("{id}")
  public PersonaView update(@PathParam("id") String id, @Valid PersonaRequest request) {
    PersonaRequest body = require(request);
    return view(personas.update(caller.userId(), id, body.fields()));
  }

  @DELETE
  @Path("{id}")
  public void delete(@PathParam("id") String id) {
    personas.delete(caller.userId(), id);
  }

  private static PersonaRequest require(PersonaRequest request) {
    if (request == null) {
      throw ProblemException.badRequest("name", "is required");
    }
    return request;
  }

  private static PersonaView view(Persona p) {
    return new PersonaView(
        p.id(), p.name(), p.systemPrompt(), p.skills(), p.tools(), p.createdAt());
  }
}
