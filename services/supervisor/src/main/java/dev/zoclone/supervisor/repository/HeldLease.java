package dev.zoclone.supervisor.repository;

/**
 * A process this replica still holds after renewing its leases, with the owner's latest requests.
 */
public record HeldLease(
    String id, long fencingToken, boolean wantsRunning, long runRequests, boolean deleted) {}
