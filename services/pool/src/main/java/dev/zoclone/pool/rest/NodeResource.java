package dev.zoclone.pool.rest;

import dev.zoclone.contract.pool.CompleteJobsRequest;
import dev.zoclone.contract.pool.CompletedJobs;
import dev.zoclone.contract.pool.HeartbeatRequest;
import dev.zoclone.contract.pool.HeartbeatResponse;
import dev.zoclone.contract.pool.LeaseRequest;
import dev.zoclone.contract.pool.LeaseResponse;
import dev.zoclone.contract.pool.NodeList;
import dev.zoclone.contract.pool.RegisterNodeRequest;
import dev.zoclone.contract.pool.RegisteredNode;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.pool.service.JobBatchService;
import dev.zoclone.pool.service.LeaseService;
import dev.zoclone.pool.service.NodeService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Worker nodes: registration, heartbeats and long-poll leasing. */
@Path("/api/v1/nodes")
@Tag(name = "Nodes", description = "Machines running `zo node`")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class NodeResource {
  private final NodeService nodes;
  private final LeaseService leases;
  private final JobBatchService batches;
  private final CurrentCaller caller;

  public NodeResource(
      NodeService nodes, LeaseService leases, JobBatchService batches, CurrentCaller caller) {
    this.nodes = nodes;
    this.leases = leases;
    this.batches = batches;
    this.caller = caller;
  }

  @POST
  @ResponseStatus(201)
  @Operation(
      summary = "Register a node",
      description = "The node takes only its owner's jobs whose requirements its labels meet.")
  @APIResponse(responseCode = "201", description = "The node's id and heartbeat timing")
  @APIResponse(responseCode = "400", description = "Missing name, bad slots or labels")
  public RegisteredNode register(RegisterNodeRequest body) {
    return nodes.register(caller.userId(), body);
  }

  @GET
  @Operation(summary = "List the caller's nodes, ONLINE or OFFLINE, with their active jobs")
  public NodeList list() {
    return new NodeList(nodes.list(caller.userId()));
  }

  @DELETE
  @Path("/{id}")
  @ResponseStatus(204)
  @Operation(
      summary = "Remove an OFFLINE node",
      description = "Refused while the node is ONLINE or still holds jobs.")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "404", description = "No such node of the caller")
  @APIResponse(responseCode = "409", description = "The node is ONLINE or holds jobs")
  public void remove(@PathParam("id") String id) {
    nodes.remove(caller.userId(), id);
  }

  @POST
  @Path("/{id}/heartbeat")
  @Operation(
      summary = "Heartbeat",
      description =
          "Renews the leases of the node's jobs and marks the reported ones RUNNING; the reply"
              + " lists the running jobs to stop (cancelled, timed out or reassigned).")
  @APIResponse(responseCode = "404", description = "No such node of the caller")
  public HeartbeatResponse heartbeat(@PathParam("id") String id, HeartbeatRequest body) {
    return nodes.heartbeat(caller.userId(), id, body);
  }

  @POST
  @Path("/{id}/lease")
  @Operation(
      summary = "Lease jobs (long poll), optionally reporting finished ones",
      description =
          "First records the jobs listed in complete (each fenced by its lease token, as in"
              + " /complete; answered in completed or stale), then answers up to max_jobs ready"
              + " jobs (capped by free slots), highest priority first and FIFO within a priority,"
              + " in the same transaction; with none ready, waits up to wait_ms (at most 30000).")
  @APIResponse(responseCode = "400", description = "Bad max_jobs, wait_ms, kinds or complete")
  @APIResponse(responseCode = "404", description = "No such node of the caller")
  public Uni<LeaseResponse> lease(@PathParam("id") String id, LeaseRequest body) {
    return leases.lease(caller.userId(), id, body);
  }

  @POST
  @Path("/{id}/complete")
  @Operation(
      summary = "Report many jobs' results at once",
      description =
          "Records the results of up to 1000 jobs in one transaction, each fenced by its lease"
              + " token: a job the node no longer holds under that lease is answered in stale and"
              + " left unchanged; the others become SUCCEEDED.")
  @APIResponse(responseCode = "200", description = "Which jobs completed and which were stale")
  @APIResponse(responseCode = "400", description = "Empty or oversized, or a job without its token")
  @APIResponse(responseCode = "404", description = "No such node of the caller")
  public CompletedJobs complete(@PathParam("id") String id, CompleteJobsRequest body) {
    return batches.complete(caller.userId(), id, body);
  }
}
