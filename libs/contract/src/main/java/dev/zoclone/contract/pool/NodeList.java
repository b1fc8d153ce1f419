package dev.zoclone.contract.pool;

import java.util.List;

/** Body of {@code GET /api/v1/nodes}: the caller's nodes. */
public record NodeList(List<NodeView> nodes) {}
