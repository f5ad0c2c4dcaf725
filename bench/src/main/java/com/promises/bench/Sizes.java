package com.promises.bench;

/**
 * How big a run is. {@code full} is the size; {@code quick} stays under three minutes on two cores, without
 * the steady run and the latency at the stated load (they take minutes to mean anything); {@code tiny} only proves
 * the benchmark still runs, every phase included (the smoke test). The console's pages are timed on a customer with
 * {@code consoleEvents} events, the size the console's target names, in {@code quick} as in {@code full}.
 */
record Sizes(String name, int customers, int commandsPerLevel, int rebuildEvents, int asOfEvents, int catchUpPromises,
             int querySeconds, int warmUpSeconds, int maxWarmUpSeconds, int crudRounds, int importLines,
             int steadySeconds, int steadyWindowSeconds, int statedLoadSeconds, int consoleEvents, int consoleRequests) {

    static final Sizes FULL = new Sizes("full", 10_000, 20_000, 1_000_000, 10_000, 10_000, 20, 60, 300, 5, 50_000, 300, 30, 20,
            1_000, 50);
    static final Sizes QUICK = new Sizes("quick", 500, 800, 50_000, 1_000, 500, 3, 10, 20, 2, 2_000, 0, 0, 0, 1_000, 20);
    static final Sizes TINY = new Sizes("tiny", 20, 60, 3_000, 100, 40, 1, 1, 5, 2, 200, 4, 2, 2, 100, 3);
}
