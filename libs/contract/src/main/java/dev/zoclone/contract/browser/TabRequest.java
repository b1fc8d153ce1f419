package dev.zoclone.contract.browser;

/**
 * Body of {@code tabs}: {@code list} (default), {@code open} (with an optional url), {@code select}
 * or {@code close} (an index).
 */
public record TabRequest(String action, Integer index, String url) {}
