package com.promises.core.promise;

/**
 * Seed 003: a real, temporary cause (good faith, 善意拖欠) against invented excuses and refusal
 * (bad faith, 恶意拖欠). Bad faith weighs heavier in the response and, for refusals, in the score.
 */
public enum Faith { GOOD, BAD, UNKNOWN }
