package dev.zoclone.agents.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zoclone.contract.ZoHeaders;
import dev.zoclone.contract.skills.SkillDetail;
import dev.zoclone.contract.skills.SkillRunRequest;
import dev.zoclone.contract.skills.SkillSummary;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The skills service's routes the agents use; used only by {@link SkillsClient}. */
@RegisterRestClient(configKey = "skills")
@Path("/api/v1/skills")
interface SkillsRestApi {

  @GET
  List<SkillSummary> list(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user);

  @GET
  @Path("/{name}")
  SkillDetail show(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      @PathParam("name") String name);

  @GET
  @Path("/{name}/files")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  byte[] file(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      @PathParam("name") String name,
      @QueryParam("path") String path);

  @POST
  @Path("/{name}/run")
  JsonNode run(
      @HeaderParam(ZoHeaders.INTERNAL_SECRET) String secret,
      @HeaderParam(ZoHeaders.USER) String user,
      @PathParam("name") String name,
      SkillRunRequest body);
}
