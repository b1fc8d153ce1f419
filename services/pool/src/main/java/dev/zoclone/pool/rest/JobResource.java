package dev.zoclone.pool.rest;

import dev.zoclone.contract.pool.CompleteJobRequest;
import dev.zoclone.contract.pool.FailJobRequest;
import dev.zoclone.contract.pool.JobList;
import dev.zoclone.contract.pool.JobView;
import dev.zoclone.contract.pool.SubmitJobRequest;
import dev.zoclone.contract.pool.SubmitJobsRequest;
import dev.zoclone.contract.pool.SubmittedJob;
import dev.zoclone.contract.pool.SubmittedJobs;
import dev.zoclone.platform.identity.CurrentCaller;
import dev.zoclone.pool.service.JobBatchService;
import dev.zoclone.pool.service.JobBatchService.Submissions;
import dev.zoclone.pool.service.JobService;
import dev.zoclone.pool.service.JobService.Submission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The caller's jobs: submit, read, cancel, retry; and the results nodes report. */
@Path("/api/v1/jobs")
@Tag(name = "Jobs", description = "The compute pool's durable priority queue")
@APIResponse(responseCode = "401", description = "Not called through the gateway")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobResource {
  private final JobService jobs;
  private final JobBatchService batches;
  private final CurrentCaller caller;

  public JobResource(JobService jobs, JobBatchService batches, CurrentCaller caller) {
    this.jobs = jobs;
    this.batches = batches;
    this.caller = caller;
  }

  @POST
  @Operation(
      summary = "Submit a job",
      description =
          "Queues a shell, http, agent or skill job. A repeated idempotency_key answers the first"
              + " job with 200 instead of creating another.")
  @APIResponse(responseCode = "201", description = "The new job")
  @APIResponse(responseCode = "200", description = "The job first submitted with this key")
  @APIResponse(responseCode = "400", description = "Unknown kind, missing payload fields, ...")
  public RestResponse<SubmittedJob> submit(SubmitJobRequest body) {
    Submission submission = jobs.submit(caller.userId(), body);
    SubmittedJob answer = new SubmittedJob(submission.job().id(), submission.job().status());
    return submission.created()
        ? RestResponse.status(RestResponse.Status.CREATED, answer)
        : RestResponse.ok(answer);
  }

  @POST
  @Path("/batch")
  @Operation(
      summary = "Submit many jobs at once",
      description =
          "Queues up to 1000 jobs in one transaction, in order (FIFO follows the list); all or"
              + " none: any invalid job refuses the batch, naming jobs[i].field. A repeated"
              + " idempotency_key answers the first job.")
  @APIResponse(responseCode = "201", description = "The jobs, in the request's order")
  @APIResponse(responseCode = "200", description = "Every key was already used: the first jobs")
  @APIResponse(responseCode = "400", description = "An empty or oversized batch, or a bad job")
  public RestResponse<SubmittedJobs> submitBatch(SubmitJobsRequest body) {
    Submissions submissions = batches.submit(caller.userId(), body);
    SubmittedJobs answer = new SubmittedJobs(submissions.jobs());
    return submissions.created()
        ? RestResponse.status(RestResponse.Status.CREATED, answer)
        : RestResponse.ok(answer);
  }

  @GET
  @Path("/{id}")
  @Operation(
      summary = "Read a job: status, attempts, node, result, error",
      description =
          "A PENDING job that none of the caller's live nodes can take (no node runs its kind,"
              + " or none of those that do meets its requirements) says why in waiting_for.")
  @APIResponse(responseCode = "404", description = "No such job of the caller")
  public JobView get(@PathParam("id") String id) {
    return jobs.describe(caller.userId(), id);
  }

  @GET
  @Operation(summary = "List the caller's newest jobs, optionally in one status")
  @APIResponse(responseCode = "400", description = "Unknown status or bad limit")
  public JobList list(@QueryParam("status") String status, @QueryParam("limit") Integer limit) {
    return new JobList(jobs.list(caller.userId(), status, limit));
  }

  @POST
  @Path("/{id}/cancel")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Cancel a job",
      description = "A running job's node learns of it from its next heartbeat and kills it.")
  @APIResponse(responseCode = "404", description = "No such job of the caller")
  @APIResponse(responseCode = "409", description = "The job already finished")
  public JobView cancel(@PathParam("id") String id) {
    return jobs.cancel(caller.userId(), id);
  }

  @POST
  @Path("/{id}/retry")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Revive a DEAD or FAILED job with a fresh set of attempts")
  @APIResponse(responseCode = "404", description = "No such job of the caller")
  @APIResponse(responseCode = "409", description = "The job is not DEAD or FAILED")
  public JobView retry(@PathParam("id") String id) {
    return jobs.retry(caller.userId(), id);
  }

  @POST
  @Path("/{id}/complete")
  @Operation(
      summary = "Report a job's result (nodes)",
      description = "Accepted only from the node holding the job under the given lease token.")
  @APIResponse(responseCode = "404", description = "No such job of the caller")
  @APIResponse(responseCode = "409", description = "Stale lease: expired, reassigned or finished")
  public JobView complete(@PathParam("id") String id, CompleteJobRequest body) {
    return jobs.complete(caller.userId(), id, body);
  }

  @POST
  @Path("/{id}/fail")
  @Operation(
      summary = "Report a failed attempt (nodes)",
      description =
          "Retried with capped exponential backoff while attempts remain, then DEAD;"
              + " FAILED at once when retryable is false.")
  @APIResponse(responseCode = "404", description = "No such job of the caller")
  @APIResponse(responseCode = "409", description = "Stale lease: expired, reassigned or finished")
  public JobView fail(@PathParam("id") String id, FailJobRequest body) {
    return jobs.fail(caller.userId(), id, body);
  }
}
