package dev.zoclone.contract.browser;

/** Body of {@code evaluate}: a JavaScript expression or function evaluated in the active tab. */
public record EvaluateRequest(String expression) {}
