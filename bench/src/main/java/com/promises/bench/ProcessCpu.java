package com.promises.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** CPU seconds used so far, from Linux's /proc; on other systems every figure is 0. */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc/PID/stat
    /** The postmaster of the measured server, once known; until then every postgres process counts. */
    private static volatile long postmaster = -1;

    private ProcessCpu() {
    }

    /** This JVM, all its threads. */
    static double jvm() {
        Path self = Path.of("/proc/self");
        return Files.isDirectory(self) ? seconds(ticks(self)) : 0;
    }

    /** The JIT compiler threads of this JVM, including a compilation still running (the JVM counts only finished ones). */
    static double compilerThreads() {
        return seconds(sum(Path.of("/proc/self/task"), name -> name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre"),
                thread -> true, ProcessCpu::ticks));
    }

    /**
     * Counts only the server one of whose backends has this process id, when it runs on this machine: other
     * PostgreSQL servers here (the machine's own, other tests') are not the benchmark's work.
     */
    static void measurePostgresOf(long backendPid) {
        Path backend = Path.of("/proc", Long.toString(backendPid));
        if (Files.isDirectory(backend)) {
            postmaster = parent(backend);
        }
    }

    /**
     * The measured server's processes (the postmaster and its children), each over its whole life, with the CPU of
     * the children that have ended: the postmaster reaps them, and the kernel adds their CPU to its own children's
     * count. A backend that starts during a measurement counts all of its CPU.
     */
    static double postgres() {
        long server = postmaster;
        return seconds(sum(Path.of("/proc"), "postgres"::equals,
                process -> server < 0 || process.getFileName().toString().equals(Long.toString(server)) || parent(process) == server,
                ProcessCpu::ticksWithEndedChildren));
    }

    private static double seconds(long ticks) {
        return ticks / TICKS_PER_SECOND;
    }

    private static long sum(Path directory, Predicate<String> named, Predicate<Path> chosen, ToLongFunction<Path> ticks) {
        long sum = 0;
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    Path comm = entry.resolve("comm");
                    if (Files.isRegularFile(comm) && named.test(Files.readString(comm).trim()) && chosen.test(entry)) {
                        sum += ticks.applyAsLong(entry);
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

    /** utime + stime from a stat line. */
    private static long ticks(Path processOrThread) {
        String[] fields = statFields(processOrThread);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** utime + stime + cutime + cstime: the process and its children that have ended and been waited for. */
    private static long ticksWithEndedChildren(Path process) {
        String[] fields = statFields(process);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    private static long parent(Path process) {
        return Long.parseLong(statFields(process)[1]);
    }

    /** The fields of a stat line after the command name, which sits in parentheses and may itself hold spaces. */
    private static String[] statFields(Path processOrThread) {
        try {
            String line = Files.readString(processOrThread.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
