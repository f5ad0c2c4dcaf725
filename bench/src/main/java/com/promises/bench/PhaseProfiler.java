package com.promises.bench;

import one.profiler.AsyncProfiler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * With {@code --profile=DIR}, async-profiler samples the CPU of the whole benchmark JVM (service, load
 * generator, JIT, GC) during each measured phase, and the CPU that PostgreSQL's processes used in the
 * same time is read from /proc. Each phase leaves {@code DIR/PHASE.collapsed} (collapsed stacks, one per
 * thread, for a flame graph) and a line in {@code DIR/cpu.txt}. Without the option nothing is sampled.
 */
final class PhaseProfiler {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/PID/stat on Linux

    private final Path directory;
    private final AsyncProfiler profiler;
    private String phase;
    private long startedNanos;
    private long postgresTicksAtStart;
    private long jvmTicksAtStart;

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
        postgresTicksAtStart = postgresTicks();
        jvmTicksAtStart = ticks(Path.of("/proc/self/stat"));
    }

    void stop() {
        if (profiler == null || phase == null) {
            return;
        }
        try {
            profiler.execute("stop,file=" + directory.resolve(phase + ".collapsed") + ",collapsed");
            double wall = (System.nanoTime() - startedNanos) / 1e9;
            double jvm = (ticks(Path.of("/proc/self/stat")) - jvmTicksAtStart) / TICKS_PER_SECOND;
            double postgres = (postgresTicks() - postgresTicksAtStart) / TICKS_PER_SECOND;
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

    /**
     * CPU ticks of every process named postgres, counting each live process's whole life: a backend that
     * started during the phase counts all of its CPU, one that ended during it is lost (the pool keeps its
     * connections, so neither happens much).
     */
    private static long postgresTicks() {
        long sum = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                try {
                    if (Files.isRegularFile(process.resolve("comm"))
                            && "postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        sum += ticks(process.resolve("stat"));
                    }
                } catch (IOException | UncheckedIOException ended) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0; // not Linux: no PostgreSQL figure
        }
        return sum;
    }

    /** utime + stime from a /proc stat line; the command name in parentheses may itself hold spaces. */
    private static long ticks(Path stat) {
        try {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
