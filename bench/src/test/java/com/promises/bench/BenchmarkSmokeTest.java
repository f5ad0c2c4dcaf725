package com.promises.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark at a tiny size, so it cannot rot. It asserts what is reported, never how fast. */
class BenchmarkSmokeTest {

    @Test
    void aTinyRunReportsEveryFigureAndProfilesEachMeasuredPhase(@TempDir Path data, @TempDir Path profiles) throws Exception {
        // always the embedded PostgreSQL in a directory of its own: a real server, and nothing shared with other tests
        Report report = new Benchmark(Sizes.TINY, Map.of("promises.data-dir", data.toString()),
                PhaseProfiler.into(profiles)).run();

        assertThat(report.rows()).extracting(row -> row.figure().replaceAll("[0-9][0-9,]*", "N")).containsExactly(
                "Commands, N client", "Commands, N clients", "Commands, N clients", "Commands in-process, N threads",
                "Queries alone", "Customer summary under load", "Worklist page under load", "As-of reliability, N events",
                "Rebuild of every read model", "Aging report, N events", "Catch-up of N closed windows");
        assertThat(report.rows().get(8).value()).endsWith(" events/s");
        assertThat(report.rows().get(9).value()).matches("[0-9]+\\.[0-9] s");
        assertThat(report.rows().get(9).target()).isEqualTo("< 60 s");
        assertThat(report.rows().get(9).meaning()).containsPattern("\\(([1-9][0-9,]*) customers owing\\)");
        assertThat(report.rows().get(2).value()).contains("/s (p50 ");
        assertThat(report.rows().get(3).value()).contains("/s (p50 ");
        assertThat(report.rows().get(2).meaning()).containsPattern(" 0 5xx\\. CPU per command: service [0-9.]+ ms, PostgreSQL [0-9.]+ ms, "
                + "load generator [0-9.]+ ms; per raw insert: PostgreSQL [0-9.]+ ms, load generator [0-9.]+ ms$");
        assertThat(report.rows().get(3).meaning()).contains(" 0 failed. CPU per command: service ");
        assertThat(report.rows().get(5).meaning()).containsPattern("while 8 clients post commands \\([0-9,]+ commands/s\\)$");
        assertThat(report.markdown()).contains("| figure | measured | raw PostgreSQL limit | ratio | target |");

        assertThat(Files.readAllLines(profiles.resolve("cpu.txt"))).extracting(line -> line.split(" ")[0]).containsExactly(
                "commands-c1", "commands-c8", "commands-c32", "commands-d32", "queries-alone", "queries", "rebuild", "aging-report");
        assertThat(Files.readAllLines(profiles.resolve("cpu.txt"))).allMatch(line -> line.matches(
                ".* wall +[0-9.]+ s, JVM CPU +[0-9.]+ s \\([0-9.]+ cores\\), PostgreSQL CPU +[0-9.]+ s \\([0-9.]+ cores\\)"));
        assertThat(Files.readAllLines(profiles.resolve("cpu.txt")).get(6)).doesNotContain("PostgreSQL CPU   0.00 s");
        assertThat(Files.readString(profiles.resolve("commands-c32.collapsed"))).contains("CommandDispatcher.send");
    }
}
