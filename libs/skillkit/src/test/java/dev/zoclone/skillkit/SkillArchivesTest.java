package dev.zoclone.skillkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillArchivesTest {
  @TempDir Path temp;

  @Test
  void readsATarGzWhoseOnlyFolderIsTheSkill() throws IOException {
    byte[] archive =
        Archives.tarGz(
            Map.of("hello/SKILL.md", Archives.skillMd("hello"), "hello/scripts/x.py", "print(1)"));

    SkillFiles files = SkillArchives.read(archive);

    assertThat(files.folder()).contains("hello");
    assertThat(files.files()).containsOnlyKeys("SKILL.md", "scripts/x.py");
  }

  @Test
  void readsAZipWithTheSkillAtItsRoot() throws IOException {
    byte[] archive = Archives.zip(Map.of("SKILL.md", Archives.skillMd("hello"), "a/b.txt", "b"));

    SkillFiles files = SkillArchives.read(archive);

    assertThat(files.folder()).isEmpty();
    assertThat(files.files()).containsOnlyKeys("SKILL.md", "a/b.txt");
  }

  @Test
  void refusesTraversalAndAbsolutePathsListingEveryOne() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("s/SKILL.md", Archives.skillMd("s"));
    files.put("s/../../etc/evil", "x");
    files.put("/etc/passwd", "x");
    byte[] archive = Archives.tarGz(files);

    assertThatThrownBy(() -> SkillArchives.read(archive))
        .isInstanceOfSatisfying(
            InvalidSkillException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SkillProblem::field)
                    .contains("s/../../etc/evil", "/etc/passwd"));
  }

  @Test
  void refusesZipTraversalWrittenByAnotherTool() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("SKILL.md"));
      zip.write(Archives.skillMd("s").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("../outside.txt"));
      zip.write(1);
    }

    assertThatThrownBy(
            () ->
                SkillArchives.unpack(
                    new ByteArrayInputStream(bytes.toByteArray()), temp.resolve("out")))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("leaves the skill folder");
    assertThat(temp.resolve("out")).doesNotExist();
    assertThat(temp.resolve("outside.txt")).doesNotExist();
  }

  @Test
  void refusesSymlinksHardLinksAndDevicesInATar() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = Archives.tarOut(bytes)) {
      Archives.addFile(tar, "s/SKILL.md", Archives.skillMd("s").getBytes(StandardCharsets.UTF_8));
      Archives.addLink(tar, "s/secrets", "/etc/shadow", TarConstants.LF_SYMLINK);
      Archives.addLink(tar, "s/hard", "/etc/passwd", TarConstants.LF_LINK);
      Archives.addDevice(tar, "s/tty");
    }

    assertThatThrownBy(() -> SkillArchives.read(bytes.toByteArray()))
        .isInstanceOfSatisfying(
            InvalidSkillException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SkillProblem::field)
                    .containsExactlyInAnyOrder("s/secrets", "s/hard", "s/tty"));
  }

  @Test
  void refusesASymlinkInAZip() throws IOException {
    byte[] archive = Archives.zipWithSymlink(Archives.skillMd("s"), "s/link", "/etc/passwd");

    assertThatThrownBy(() -> SkillArchives.read(archive))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("s/link: links are not allowed");
  }

  @Test
  void refusesMoreThanFiveHundredFiles() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("s/SKILL.md", Archives.skillMd("s"));
    for (int i = 0; i < 500; i++) {
      files.put("s/f" + i + ".txt", "x");
    }

    assertThatThrownBy(() -> SkillArchives.read(Archives.tarGz(files)))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("more than 500 files");
  }

  @Test
  void refusesAFileDeclaredLargerThanTwentyMegabytesBeforeReadingIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = Archives.tarOut(bytes)) {
      Archives.addFile(tar, "s/SKILL.md", Archives.skillMd("s").getBytes(StandardCharsets.UTF_8));
      Archives.addFile(tar, "s/big.bin", new byte[21 * 1024 * 1024]);
    }

    assertThatThrownBy(() -> SkillArchives.read(bytes.toByteArray()))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("over the 20 MB limit");
  }

  @Test
  void refusesManyFilesAddingUpToMoreThanTwentyMegabytes() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("s/SKILL.md", Archives.skillMd("s"));
    String fourMegabytes = "a".repeat(4 * 1024 * 1024);
    for (int i = 0; i < 6; i++) {
      files.put("s/part" + i, fourMegabytes);
    }

    assertThatThrownBy(() -> SkillArchives.read(Archives.zip(files)))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("more than 20 MB");
  }

  @Test
  void refusesACompressionBomb() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("s/SKILL.md", Archives.skillMd("s"));
    files.put("s/zeros", "\0".repeat(15 * 1024 * 1024));
    byte[] archive = Archives.tarGz(files);
    assertThat(archive.length).isLessThan(150 * 1024);

    assertThatThrownBy(() -> SkillArchives.read(archive))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("compression bomb");
  }

  @Test
  void refusesWhatIsNotAnArchive() {
    assertThatThrownBy(() -> SkillArchives.read("hello".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("not a .zip or .tar.gz");
  }

  @Test
  void refusesAnArchiveWithoutASkillFolder() throws IOException {
    byte[] archive = Archives.tarGz(Map.of("a/SKILL.md", Archives.skillMd("a"), "b/x", "y"));

    assertThatThrownBy(() -> SkillArchives.read(archive))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("no SKILL.md");
  }

  @Test
  void packedFolderReadsBackWithTheSameHash() throws IOException {
    Path dir = temp.resolve("hello");
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(dir.resolve("SKILL.md"), Archives.skillMd("hello"));
    Files.writeString(dir.resolve("scripts/x.py"), "print(1)\n");
    SkillFiles original = SkillFiles.fromDirectory(dir);

    byte[] packed = SkillArchives.packTarGz(original, "hello");
    SkillFiles unpacked =
        SkillArchives.unpack(new ByteArrayInputStream(packed), temp.resolve("copy"));

    assertThat(unpacked.folder()).contains("hello");
    assertThat(SkillHash.of(unpacked)).isEqualTo(SkillHash.of(original)).hasSize(64);
    assertThat(temp.resolve("copy/scripts/x.py")).hasContent("print(1)");
  }

  @Test
  void aFolderWithASymlinkIsRefused() throws IOException {
    Path dir = temp.resolve("s");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("SKILL.md"), Archives.skillMd("s"));
    Files.createSymbolicLink(dir.resolve("passwd"), Path.of("/etc/passwd"));

    assertThatThrownBy(() -> SkillFiles.fromDirectory(dir))
        .isInstanceOf(InvalidSkillException.class)
        .hasMessageContaining("passwd: links and special files are not allowed");
  }
}
