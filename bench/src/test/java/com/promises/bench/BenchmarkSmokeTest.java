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
                "Commands, N client", "Commands, N clients", "Commands, N clients", "Plain CRUD beside us, round N",
                "Plain CRUD beside us, round N", "Commands at N clients against plain CRUD", "Steady run, N s at N clients",
                "At the stated load: N commands/s + N queries/s", "Queries alone at N/s", "Commands in-process, N threads",
                "Queries alone", "Customer summary under load", "Worklist page under load", "Bulk import, N lines",
                "Console customer page, N events", "Console customer activity, N events", "Console audit page, N events",
                "Console worklist", "Console today", "As-of reliability, N events", "Rebuild of every read model",
                "Aging report, N events", "Catch-up of N closed windows");
        assertThat(report.rows().get(20).value()).endsWith(" events/s");
        assertThat(report.rows().get(21).value()).matches("[0-9]+\\.[0-9] s");
        assertThat(report.rows().get(21).target()).isEqualTo("< 60 s");
        assertThat(report.rows().get(21).meaning()).containsPattern("\\(([1-9][0-9,]*) customers owing\\)");
        assertThat(report.rows().get(2).value()).contains("/s (p50 ");
        assertThat(report.rows().get(9).value()).contains("/s (p50 ");
        assertThat(report.rows().get(3).value()).matches("CRUD [0-9,]+/s \\(p99 [0-9.]+ ms\\), service [0-9,]+/s \\(p99 [0-9.]+ ms\\)");
        assertThat(report.rows().get(3).meaning()).contains("CRUD: 0% 4xx, 0 5xx").contains(" 0 5xx, CPU per command: service ");
        assertThat(report.rows().get(5).ratio()).matches("[0-9]+\\.[0-9]%");
        assertThat(report.rows().get(5).target()).isEqualTo(">= 40%");
        assertThat(report.rows().get(6).value()).matches("first 2 s [0-9,]+/s, last 2 s [0-9,]+/s");
        assertThat(report.rows().get(6).meaning()).matches("Commands per 2 s: [0-9,]+, [0-9,]+; the event store grew from [0-9,]+ to [0-9,]+ events; 0 5xx");
        assertThat(report.rows().get(7).value()).matches("summary p50 [0-9.]+ ms, p99 [0-9.]+ ms; worklist p50 [0-9.]+ ms, p99 [0-9.]+ ms; "
                + "commands p50 [0-9.]+ ms, p99 [0-9.]+ ms");
        assertThat(report.rows().get(7).meaning()).containsPattern("GC: [0-9]+ collections, [0-9]+ ms in [0-9]+ s");
        assertThat(report.rows().get(8).value()).matches("summary p50 [0-9.]+ ms, p99 [0-9.]+ ms; worklist p50 [0-9.]+ ms, p99 [0-9.]+ ms");
        assertThat(report.rows().get(13).value()).matches("[0-9,]+ events/s \\([0-9,]+ lines/s\\)");
        assertThat(report.rows().get(13).ratio()).matches("[0-9]+\\.[0-9]%");
        assertThat(report.rows().get(13).meaning()).contains("(10 customers, each registered with 10 promises and 9 payments)");
        assertThat(report.rows().get(14).figure()).isEqualTo("Console customer page, 100 events"); // 33 promises made, paid, kept
        assertThat(report.rows().get(14).target()).isEqualTo("median < 100 ms");
        assertThat(report.rows().subList(14, 19)).allSatisfy(row -> {
            assertThat(row.value()).matches("median [0-9.]+ ms, p90 [0-9.]+ ms");
            assertThat(row.meaning()).containsPattern("\\([1-9][0-9,]* kB of HTML\\); signed in through the form with a "
                    + "session cookie; 3 requests after 5 unmeasured");
        });
        assertThat(report.rows().get(2).meaning()).containsPattern(" 0 5xx\\. CPU per command: service [0-9.]+ ms, PostgreSQL [0-9.]+ ms, "
                + "load generator [0-9.]+ ms; per raw insert: PostgreSQL [0-9.]+ ms, load generator [0-9.]+ ms$");
        assertThat(report.rows().get(9).meaning()).contains(" 0 failed. CPU per command: service ");
        assertThat(report.rows().get(11).meaning()).containsPattern("while 8 clients post commands \\([0-9,]+ commands/s\\)$");
        assertThat(report.markdown()).contains("| figure | measured | raw PostgreSQL limit | ratio | target |");

        assertThat(Files.readAllLines(profiles.resolve("cpu.txt"))).extracting(line -> line.split(" ")[0]).containsExactly(
                "commands-c1", "commands-c8", "commands-c32", "commands-crud1", "commands-svc1", "commands-crud2", "commands-svc2",
                "steady", "stated-load", "stated-queries", "commands-d32", "queries-alone", "queries", "import", "console",
                "rebuild", "aging-report");
        assertThat(Files.readAllLines(profiles.resolve("cpu.txt"))).allMatch(line -> line.matches(
                ".* wall +[0-9.]+ s, JVM CPU +[0-9.]+ s \\([0-9.]+ cores\\), PostgreSQL CPU +[0-9.]+ s \\([0-9.]+ cores\\)"));
        assertThat(Files.readAllLines(profiles.resolve("cpu.txt")).get(15)).doesNotContain("PostgreSQL CPU   0.00 s");
        assertThat(Files.readString(profiles.resolve("commands-c32.collapsed"))).contains("CommandDispatcher.send");
    }
}
