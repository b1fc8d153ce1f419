package dev.zoclone.cli.agents;

import picocli.CommandLine.Command;

/** {@code zo agents}: the group of parallel-agent commands. */
@Command(
    name = "agents",
    description = "Run agents in parallel.",
    subcommands = {SpawnAllCommand.class})
public final class AgentsCommand {}
