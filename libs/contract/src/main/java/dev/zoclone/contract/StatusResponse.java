package dev.zoclone.contract;

import java.util.List;

/** Body of {@code GET /api/v1/status}: every service's readiness. */
public record StatusResponse(List<ServiceStatus> services) {}
