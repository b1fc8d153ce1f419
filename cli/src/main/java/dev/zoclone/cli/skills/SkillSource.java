package dev.zoclone.cli.skills;

import dev.zoclone.cli.CliFailure;
import dev.zoclone.cli.ExitCodes;
import dev.zoclone.skillkit.SkillArchives;
import dev.zoclone.skillkit.SkillFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A skill given on the command line: a folder, or a {@code .zip}/{@code .tar.gz} of one. */
final class SkillSource {
  private SkillSource() {}

  /** The skill's files, read with the same limits and checks as the service applies. */
  static SkillFiles read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return SkillFiles.fromDirectory(path.toAbsolutePath().normalize());
    }
    if (Files.isRegularFile(path)) {
      return SkillArchives.read(Files.readAllBytes(path));
    }
    throw new CliFailure(ExitCodes.USAGE, path + " is neither a skill folder nor an archive");
  }

  /** The bytes to upload: an archive as is, a folder packed as {@code .tar.gz}. */
  static byte[] archive(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      return Files.readAllBytes(path);
    }
    SkillFiles files = read(path);
    return SkillArchives.packTarGz(files, files.folder().orElse("skill"));
  }
}
