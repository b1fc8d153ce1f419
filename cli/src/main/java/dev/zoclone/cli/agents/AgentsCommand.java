package dev.zoclone.cli.agents;

import picocli.CommandLine.Command;

/** {@code zo agents}: the group of parallel-agent commands. */
@Command(
    name = "agents",
    description = "Run agents in parallel and list their runs.",
    subcommands = {SpawnAllCommand.class, ListAgentRunsCommand.class})
public final class AgentsCommand {}
