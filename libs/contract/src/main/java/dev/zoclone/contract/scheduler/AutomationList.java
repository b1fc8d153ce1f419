package dev.zoclone.contract.scheduler;

import java.util.List;

/** Answer of {@code GET /api/v1/automations}: the caller's automations, oldest first. */
public record AutomationList(List<AutomationView> automations) {}
