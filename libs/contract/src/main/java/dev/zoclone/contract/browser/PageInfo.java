package dev.zoclone.contract.browser;

/** Where the session's active tab is after an operation; {@code status} of the last navigation. */
public record PageInfo(String url, String title, Integer status) {}
