package dev.zoclone.contract.browser;

/**
 * Body of {@code content}: {@code text} (default), {@code html}, {@code markdown} or {@code
 * snapshot}.
 */
public record ContentRequest(String format) {}
