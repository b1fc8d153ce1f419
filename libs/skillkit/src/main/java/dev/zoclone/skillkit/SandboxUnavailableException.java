package dev.zoclone.skillkit;

/** Scripts cannot run here because the sandbox cannot; they are never run unsandboxed. */
public class SandboxUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SandboxUnavailableException(String reason) {
    super(reason);
  }
}
