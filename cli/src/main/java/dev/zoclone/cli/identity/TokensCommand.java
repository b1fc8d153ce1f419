package dev.zoclone.cli.identity;

import picocli.CommandLine.Command;

/** {@code zo tokens}: the group of API token commands. */
@Command(
    name = "tokens",
    description = "Create, list and revoke your API tokens.",
    subcommands = {CreateTokenCommand.class, ListTokensCommand.class, RemoveTokenCommand.class})
public final class TokensCommand {}
