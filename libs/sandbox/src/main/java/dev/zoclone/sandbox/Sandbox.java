package dev.zoclone.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds the bubblewrap command line that confines users' code: the system's {@code /usr}
 * read-only, a curated read-only {@code /etc}, a private {@code /tmp}, new PID, IPC, UTS, user and
 * (unless asked otherwise) network namespaces, a cleared environment and per-process limits.
 *
 * <p>When the JVM runs as root the sandbox runs as {@value #SANDBOX_UID} (nobody): the kernel never
 * applies RLIMIT_NPROC to root, so a fork bomb would not be stopped. Otherwise it runs as the JVM's
 * own user, whose process limit counts per sandbox in its new user namespace.
 */
public final class Sandbox {
  /** Where the workdir appears inside; it is also HOME. */
  public static final String WORKDIR = "/work";

  /** The uid and gid the sandbox runs as when the JVM is root. */
  public static final int SANDBOX_UID = 65534;

  /** PATH inside. */
  public static final String PATH = "/usr/local/bin:/usr/bin:/bin";

  static final Path BWRAP = Path.of("/usr/bin/bwrap");
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  private static final String PRLIMIT = "/usr/bin/prlimit";

  /** System files a program may need; none of them holds a secret readable by nobody. */
  private static final List<String> ETC_FILES =
      List.of(
          "/etc/alternatives",
          "/etc/ssl",
          "/etc/ca-certificates",
          "/etc/java-17-openjdk",
          "/etc/java-21-openjdk",
          "/etc/resolv.conf",
          "/etc/hosts",
          "/etc/host.conf",
          "/etc/nsswitch.conf",
          "/etc/gai.conf",
          "/etc/localtime",
          "/etc/passwd",
          "/etc/group",
          "/etc/mime.types");

  private static volatile SandboxStatus status;

  private Sandbox() {}

  /** True when this JVM runs as root (then sandboxes drop to {@value #SANDBOX_UID}). */
  public static boolean runningAsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The full argv that runs {@code spec} confined, for a {@link ProcessBuilder}. */
  public static List<String> commandLine(SandboxSpec spec) {
    List<String> argv = new ArrayList<>();
    if (runningAsRoot()) {
      argv.addAll(
          List.of(
              SETPRIV.toString(),
              "--reuid=" + SANDBOX_UID,
              "--regid=" + SANDBOX_UID,
              "--clear-groups",
              "--"));
    }
    argv.add(BWRAP.toString());
    argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
    argv.addAll(List.of("--symlink", "usr/bin", "/bin"));
    argv.addAll(List.of("--symlink", "usr/sbin", "/sbin"));
    argv.addAll(List.of("--symlink", "usr/lib", "/lib"));
    argv.addAll(List.of("--symlink", "usr/lib64", "/lib64"));
    for (String file : ETC_FILES) {
      argv.addAll(List.of("--ro-bind-try", file, file));
    }
    for (Path path : spec.readOnlyBinds()) {
      String absolute = path.toAbsolutePath().normalize().toString();
      argv.addAll(List.of("--ro-bind", absolute, absolute));
    }
    argv.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
    argv.addAll(List.of("--bind", spec.workdir().toAbsolutePath().normalize().toString(), WORKDIR));
    argv.addAll(List.of("--chdir", WORKDIR));
    argv.add("--unshare-all");
    if (spec.network()) {
      argv.add("--share-net");
    }
    if (spec.dieWithParent()) {
      argv.add("--die-with-parent");
    }
    argv.add("--new-session");
    argv.add("--clearenv");
    Map<String, String> env = new TreeMap<>(spec.env());
    env.put("PATH", PATH);
    env.put("LANG", "C.UTF-8");
    env.put("HOME", WORKDIR);
    env.forEach((name, value) -> argv.addAll(List.of("--setenv", name, value)));
    argv.add("--");
    argv.addAll(limitArguments(spec.limits()));
    argv.addAll(spec.command());
    return List.copyOf(argv);
  }

  private static List<String> limitArguments(SandboxLimits limits) {
    List<String> argv = new ArrayList<>();
    argv.add(PRLIMIT);
    argv.add("--nproc=" + limits.maxProcesses());
    argv.add("--data=" + limits.memoryBytes());
    argv.add("--nofile=" + limits.maxOpenFiles());
    argv.add("--fsize=" + limits.maxFileBytes());
    argv.add("--core=0");
    if (limits.cpuSeconds() > 0) {
      argv.add("--cpu=" + limits.cpuSeconds());
    }
    argv.add("--");
    return argv;
  }

  /**
   * Makes {@code dir} and everything under it writable by the sandbox's user: owned by {@value
   * #SANDBOX_UID} when the JVM is root, otherwise it already belongs to the JVM's user.
   */
  public static void grantWrite(Path dir) {
    try {
      Files.createDirectories(dir);
      if (!runningAsRoot()) {
        return;
      }
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : (Iterable<Path>) paths::iterator) {
          Files.setAttribute(path, "unix:uid", SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(path, "unix:gid", SANDBOX_UID, LinkOption.NOFOLLOW_LINKS);
        }
      }
      // the folders above must let nobody reach dir
      for (Path parent = dir.toAbsolutePath().getParent();
          parent != null;
          parent = parent.getParent()) {
        Set<PosixFilePermission> permissions =
            EnumSet.copyOf(Files.getPosixFilePermissions(parent));
        if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
          Files.setPosixFilePermissions(parent, permissions);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare sandbox folder " + dir, e);
    }
  }

  /** Whether sandboxes run here: bubblewrap present and a trivial sandbox succeeds (cached). */
  public static SandboxStatus probe() {
    SandboxStatus known = status;
    if (known == null) {
      known = check();
      status = known;
    }
    return known;
  }

  private static SandboxStatus check() {
    if (!Files.isExecutable(BWRAP)) {
      return new SandboxStatus(
          false, "bubblewrap is not installed (" + BWRAP + "; Debian package 'bubblewrap')");
    }
    if (runningAsRoot() && !Files.isExecutable(SETPRIV)) {
      return new SandboxStatus(false, SETPRIV + " is missing (Debian package 'util-linux')");
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("zo-sandbox-probe");
      grantWrite(dir);
      SandboxSpec spec =
          SandboxSpec.script(
              dir,
              List.of("/usr/bin/true"),
              SandboxLimits.scriptDefaults().withWallTime(Duration.ofSeconds(10)));
      SandboxResult result = new SandboxRunner(4096).run(spec, new byte[0]);
      if (result.exitCode() == 0) {
        return new SandboxStatus(true, "bubblewrap works");
      }
      return new SandboxStatus(
          false,
          "bubblewrap failed (exit "
              + result.exitCode()
              + "): "
              + result.stderr().strip()
              + (runningAsRoot() ? "" : "; are unprivileged user namespaces enabled?"));
    } catch (IOException | UncheckedIOException e) {
      return new SandboxStatus(false, "bubblewrap could not be started: " + e.getMessage());
    } finally {
      if (dir != null) {
        deleteQuietly(dir);
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(Sandbox::delete);
    } catch (IOException e) {
      // a probe folder left in the temp dir is harmless
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // see deleteQuietly
    }
  }
}
