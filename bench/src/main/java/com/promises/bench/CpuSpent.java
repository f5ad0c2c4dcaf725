package com.promises.bench;

import java.util.Locale;

/**
 * CPU seconds over one measured stretch: the service (this JVM without the load generator's threads: request
 * threads, processors, JIT, GC), the load generator, and PostgreSQL. Per operation, this is the budget a
 * rate is bounded by: two cores give 2,000 ms of CPU a second.
 */
record CpuSpent(double service, double load, double postgres) {

    static CpuSpent now() {
        double load = LoadThreads.cpuSeconds();
        return new CpuSpent(ProcessCpu.jvm() - load, load, ProcessCpu.postgres());
    }

    double jvm() {
        return service + load;
    }

    CpuSpent since(CpuSpent start) {
        return new CpuSpent(service - start.service, load - start.load, postgres - start.postgres);
    }

    /** Milliseconds per operation, e.g. "service 2.20 ms, PostgreSQL 0.80 ms, load generator 0.10 ms". */
    String perOperation(int operations) {
        return String.format(Locale.ROOT, "service %.2f ms, ", service * 1000 / operations) + withoutService(operations);
    }

    /** The same without the service, for work that does not go through it (the raw limits). */
    String withoutService(int operations) {
        return String.format(Locale.ROOT, "PostgreSQL %.2f ms, load generator %.2f ms",
                postgres * 1000 / operations, load * 1000 / operations);
    }
}
