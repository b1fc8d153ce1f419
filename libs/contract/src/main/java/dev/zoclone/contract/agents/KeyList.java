package dev.zoclone.contract.agents;

import java.util.List;

/** Body of {@code GET /api/v1/keys}. */
public record KeyList(List<KeyView> keys) {}
