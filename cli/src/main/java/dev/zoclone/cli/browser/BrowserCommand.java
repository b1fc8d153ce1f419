package dev.zoclone.cli.browser;

import picocli.CommandLine.Command;

/** {@code zo browser}: the caller's live browser sessions. */
@Command(
    name = "browser",
    description = "The caller's browser sessions.",
    subcommands = {BrowserSessionsCommand.class, BrowserCloseCommand.class})
public final class BrowserCommand {}
