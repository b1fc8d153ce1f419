package dev.zoclone.contract.pool;

import java.util.List;

/** Body of {@code GET /api/v1/jobs}: the caller's jobs, newest first. */
public record JobList(List<JobView> jobs) {}
