package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A live session: its id, name (null when anonymous), tabs and whether its browser was lost. */
public record SessionView(
    String id,
    String name,
    String url,
    int tabs,
    boolean lost,
    @JsonProperty("created_at") Instant createdAt,
    @JsonProperty("last_used_at") Instant lastUsedAt) {}
