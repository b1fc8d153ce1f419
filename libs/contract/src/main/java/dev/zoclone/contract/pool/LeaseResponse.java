package dev.zoclone.contract.pool;

import java.util.List;

/** Answer of a lease: the jobs now held by the node, possibly none. */
public record LeaseResponse(List<LeasedJob> jobs) {}
