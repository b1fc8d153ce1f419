package dev.zoclone.skillkit;

/**
 * One thing wrong with a skill (or, among warnings, one thing to fix), named by the field or file
 * it concerns.
 */
public record SkillProblem(String field, String message) {}
