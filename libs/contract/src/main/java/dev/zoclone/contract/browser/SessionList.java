package dev.zoclone.contract.browser;

import java.util.List;

/** Answer of {@code GET /api/v1/browser/sessions}: the caller's live sessions. */
public record SessionList(List<SessionView> sessions) {}
