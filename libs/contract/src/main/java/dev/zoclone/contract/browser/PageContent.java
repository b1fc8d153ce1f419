package dev.zoclone.contract.browser;

/**
 * Answer of {@code content}. A {@code snapshot} is Playwright's aria snapshot whose elements carry
 * {@code [ref=eN]}: pass {@code ref} to any element operation instead of a selector.
 */
public record PageContent(String url, String title, String format, String content) {}
