package dev.zoclone.sandbox;

/** Whether sandboxes can run on this host, and if not, why. */
public record SandboxStatus(boolean available, String reason) {}
