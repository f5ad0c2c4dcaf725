package com.promises.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** CPU seconds used so far, from Linux's /proc; on other systems every figure is 0. */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/PID/stat

    private ProcessCpu() {
    }

    /** This JVM, all its threads. */
    static double jvm() {
        Path self = Path.of("/proc/self");
        return Files.isDirectory(self) ? seconds(ticks(self)) : 0;
    }

    /** The JIT compiler threads of this JVM, including a compilation still running (the JVM counts only finished ones). */
    static double compilerThreads() {
        return seconds(sum(Path.of("/proc/self/task"), name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")));
    }

    /**
     * Every process named postgres, each over its whole life: a backend that started during a measurement counts
     * all of its CPU, one that ended during it is lost (the pool keeps its connections, so neither happens much).
     */
    static double postgres() {
        return seconds(sum(Path.of("/proc"), "postgres"::equals));
    }

    private static double seconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

    private static long sum(Path directory, Predicate<String> named) {
        long sum = 0;
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    Path comm = entry.resolve("comm");
                    if (Files.isRegularFile(comm) && named.test(Files.readString(comm).trim())) {
                        sum += ticks(entry);
                    }
                } catch (IOException | UncheckedIOException ended) {
                    // the process or thread ended while we looked
                }
            }
        } catch (IOException notLinux) {
            return 0;
        }
        return sum;
    }

    /** utime + stime from a stat line; the command name in parentheses may itself hold spaces. */
    private static long ticks(Path processOrThread) {
        try {
            String line = Files.readString(processOrThread.resolve("stat"));
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
