package dev.zoclone.contract.skills;

import java.util.List;

/** The caller's newest runs, newest first. */
public record SkillRunList(List<SkillRunView> runs) {}
