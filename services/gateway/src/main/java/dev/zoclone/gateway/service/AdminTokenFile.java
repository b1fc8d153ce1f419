package dev.zoclone.gateway.service;

import dev.zoclone.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** {@code $ZO_HOME/admin-token}: the admin's token, readable by its owner only. */
@ApplicationScoped
public class AdminTokenFile {
  /** The file's name inside the home folder. */
  public static final String NAME = "admin-token";

  private final Path home;

  public AdminTokenFile(GatewayConfig config) {
    this.home = config.home();
  }

  public Path path() {
    return home.resolve(NAME);
  }

  /** The token in the file; empty when the file is missing, unreadable or blank. */
  public Optional<String> read() {
    try {
      String token = Files.readString(path(), StandardCharsets.UTF_8).trim();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Replaces the file with {@code token}. The file is created owner-only (0600) rather than
   * restricted afterwards, so the token is never readable by others, not even for a moment.
   */
  public void write(String token) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      Files.createDirectories(home, attributes(posix, "rwx------"));
      Path staged = Files.createTempFile(home, NAME, ".tmp", attributes(posix, "rw-------"));
      try {
        Files.writeString(staged, token + "\n", StandardCharsets.UTF_8);
        moveIntoPlace(staged);
      } finally {
        Files.deleteIfExists(staged);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin token to " + path(), e);
    }
  }

  private void moveIntoPlace(Path staged) throws IOException {
    try {
      Files.move(
          staged, path(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged, path(), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static FileAttribute<?>[] attributes(boolean posix, String permissions) {
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
