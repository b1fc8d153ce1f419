package dev.zoclone.contract.browser;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code dialogs}: how the next dialogs are answered (dismissed until told otherwise). */
public record DialogRequest(Boolean accept, @JsonProperty("prompt_text") String promptText) {}
