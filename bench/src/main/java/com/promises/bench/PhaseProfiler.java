package com.promises.bench;

import one.profiler.AsyncProfiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * With {@code --profile=DIR}, async-profiler samples the CPU of the whole benchmark JVM (service, load
 * generator, JIT, GC) during each measured phase, and the CPU that PostgreSQL's processes used in the
 * same time is read from /proc. Each phase leaves {@code DIR/PHASE.collapsed} (collapsed stacks, one per
 * thread, for a flame graph) and a line in {@code DIR/cpu.txt}. Without the option nothing is sampled.
 */
final class PhaseProfiler {

    private final Path directory;
    private final AsyncProfiler profiler;
    private String phase;
    private long startedNanos;
    private CpuSpent atStart;

    private PhaseProfiler(Path directory, AsyncProfiler profiler) {
        this.directory = directory;
        this.profiler = profiler;
    }

    static PhaseProfiler off() {
        return new PhaseProfiler(null, null);
    }

    static PhaseProfiler into(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write profiles to " + directory, e);
        }
        return new PhaseProfiler(directory, AsyncProfiler.getInstance());
    }

    void start(String name) {
        if (profiler == null) {
            return;
        }
        try {
            profiler.execute("start,event=cpu,interval=1ms,threads");
        } catch (IllegalStateException | IOException perfEventsRefused) {
            try {
                profiler.execute("start,event=itimer,interval=1ms,threads"); // where perf events are not allowed
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        phase = name;
        startedNanos = System.nanoTime();
        atStart = CpuSpent.now();
    }

    void stop() {
        if (profiler == null || phase == null) {
            return;
        }
        try {
            double wall = (System.nanoTime() - startedNanos) / 1e9; // before the dump, which is not the phase's work
            CpuSpent spent = CpuSpent.now().since(atStart);
            double jvm = spent.jvm();
            double postgres = spent.postgres();
            profiler.execute("stop,file=" + directory.resolve(phase + ".collapsed") + ",collapsed");
            Files.writeString(directory.resolve("cpu.txt"), String.format(Locale.ROOT,
                            "%-16s wall %6.2f s, JVM CPU %6.2f s (%.2f cores), PostgreSQL CPU %6.2f s (%.2f cores)%n",
                            phase, wall, jvm, jvm / wall, postgres, postgres / wall),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            phase = null;
        }
    }
}
