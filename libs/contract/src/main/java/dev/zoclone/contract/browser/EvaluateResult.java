package dev.zoclone.contract.browser;

import com.fasterxml.jackson.databind.JsonNode;

/** Answer of {@code evaluate}: the expression's value as JSON. */
public record EvaluateResult(JsonNode value) {}
