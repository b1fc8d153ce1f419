package dev.zoclone.skillkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Reads and writes skill archives ({@code .zip} or {@code .tar.gz}, told apart by their magic
 * bytes). Every entry's name, type and size is checked before its content is unpacked: no path
 * outside the folder, no links or devices, at most 500 files and 20 MB, no compression bomb.
 */
public final class SkillArchives {
  private static final int UNIX_TYPE_MASK = 0170000;
  private static final int UNIX_REGULAR = 0100000;
  private static final int UNIX_DIRECTORY = 0040000;
  private static final int UNIX_LINK = 0120000;

  private SkillArchives() {}

  /** The skill in an archive, read into memory after every check passed. */
  public static SkillFiles read(InputStream in) throws IOException {
    byte[] archive = in.readNBytes((int) SkillLimits.MAX_UNPACKED_BYTES + 1);
    if (archive.length > SkillLimits.MAX_UNPACKED_BYTES) {
      throw new InvalidSkillException("archive", "the archive is larger than 20 MB");
    }
    return read(archive);
  }

  /** The skill in an archive held in memory. */
  public static SkillFiles read(byte[] archive) throws IOException {
    if (archive.length >= 4 && archive[0] == 'P' && archive[1] == 'K') {
      return readZip(archive);
    }
    if (archive.length >= 2 && (archive[0] & 0xff) == 0x1f && (archive[1] & 0xff) == 0x8b) {
      return readTarGz(archive);
    }
    throw new InvalidSkillException("archive", "not a .zip or .tar.gz archive");
  }

  /**
   * Checks the archive, then writes the skill folder's content into {@code target} (created if
   * absent): nothing is written unless every check passed.
   */
  public static SkillFiles unpack(InputStream in, Path target) throws IOException {
    SkillFiles files = read(in);
    files.writeTo(target);
    return files;
  }

  /** A {@code .tar.gz} of the skill, its folder (named {@code folder}) at the archive's root. */
  public static byte[] packTarGz(SkillFiles files, String folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (var file : files.files().entrySet()) {
        TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + file.getKey());
        entry.setSize(file.getValue().length);
        entry.setMode(file.getKey().startsWith("scripts/") ? 0755 : 0644);
        entry.setModTime(0);
        tar.putArchiveEntry(entry);
        tar.write(file.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static SkillFiles readZip(byte[] archive) throws IOException {
    ArchiveEntries entries = new ArchiveEntries();
    try (ZipFile zip =
        ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get()) {
      var all = Collections.list(zip.getEntriesInPhysicalOrder());
      for (ZipArchiveEntry entry : all) {
        int type = entry.getUnixMode() & UNIX_TYPE_MASK;
        String path = entries.checkName(entry.getName());
        if (entry.isUnixSymlink() || type == UNIX_LINK) {
          entries.refuse(entry.getName(), "links");
        } else if (type != 0 && type != UNIX_REGULAR && type != UNIX_DIRECTORY) {
          entries.refuse(entry.getName(), "devices and special files");
        } else if (path != null && !entry.isDirectory()) {
          entries.checkDeclaredSize(path, entry.getSize());
        }
      }
      for (ZipArchiveEntry entry : all) {
        int type = entry.getUnixMode() & UNIX_TYPE_MASK;
        if (entry.isDirectory() || entry.isUnixSymlink() || (type != 0 && type != UNIX_REGULAR)) {
          continue;
        }
        String path = cleanQuietly(entry.getName());
        if (path != null) {
          try (InputStream content = zip.getInputStream(entry)) {
            entries.addFile(path, content);
          }
        }
      }
    }
    return entries.finish(archive.length);
  }

  private static SkillFiles readTarGz(byte[] archive) throws IOException {
    ArchiveEntries entries = new ArchiveEntries();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(
            new GzipCompressorInputStream(new ByteArrayInputStream(archive), true))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String path = entries.checkName(entry.getName());
        if (entry.isSymbolicLink() || entry.isLink()) {
          entries.refuse(entry.getName(), "links");
        } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
          entries.refuse(entry.getName(), "devices and special files");
        } else if (entry.isDirectory()) {
          continue;
        } else if (!entry.isFile()) {
          entries.refuse(entry.getName(), "entries of type '" + (char) entry.getLinkFlag() + "'");
        } else if (path != null) {
          entries.checkDeclaredSize(path, entry.getSize());
          entries.addFile(path, tar);
        }
      }
    }
    return entries.finish(archive.length);
  }

  private static String cleanQuietly(String raw) {
    return new ArchiveEntries().checkName(raw);
  }
}
