package com.promises.bench;

/**
 * How big a run is. {@code full} is the size; {@code quick} finishes in a few minutes, without the steady run
 * and the latency at the stated load (they take minutes to mean anything); {@code tiny} only proves the benchmark still
 * runs (the smoke test).
 */
record Sizes(String name, int customers, int commandsPerLevel, int rebuildEvents, int asOfEvents, int catchUpPromises,
             int querySeconds, int warmUpSeconds, int maxWarmUpSeconds, int crudRounds, int importLines,
             int steadySeconds, int steadyWindowSeconds, int statedLoadSeconds) {

    static final Sizes FULL = new Sizes("full", 10_000, 20_000, 1_000_000, 10_000, 10_000, 20, 60, 300, 5, 50_000, 300, 30, 20);
    static final Sizes QUICK = new Sizes("quick", 1_000, 1_500, 100_000, 2_000, 1_000, 5, 15, 35, 3, 3_000, 0, 0, 0);
    static final Sizes TINY = new Sizes("tiny", 20, 60, 3_000, 100, 40, 1, 1, 5, 2, 200, 4, 2, 2);
}
