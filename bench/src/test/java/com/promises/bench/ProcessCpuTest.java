package com.promises.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** PostgreSQL's CPU as the bench counts it, on a server of this machine. */
class ProcessCpuTest {

    /**
     * A connection closed during a measurement (a pool shrinking, the CRUD service stopped) takes its backend's CPU
     * with it from the live processes; the postmaster, which reaps it, carries it on. Counted without it, a round's
     * PostgreSQL CPU came out negative.
     */
    @Test
    void aBackendThatEndsStillCountsWhatItSpent() throws Exception {
        String url = System.getenv("PROMISES_TEST_DATABASE_URL");
        assumeThat(url).as("a PostgreSQL server on this machine (PROMISES_TEST_DATABASE_URL)").isNotNull();
        try (Connection watching = connect(url)) {
            assumeThat(Files.isDirectory(Path.of("/proc", Long.toString(backendOf(watching))))).isTrue();
            ProcessCpu.measurePostgresOf(backendOf(watching));
            double before = ProcessCpu.postgres();

            long backend;
            double spent;
            try (Connection busy = connect(url);
                 Statement statement = busy.createStatement()) {
                backend = backendOf(busy);
                statement.executeQuery("select count(*) from generate_series(1, 3000000) n where n % 7 = 0").close();
                spent = ticksOf(backend) / 100.0;
            }
            while (Files.isDirectory(Path.of("/proc", Long.toString(backend)))) {
                Thread.sleep(10);
            }

            assertThat(spent).as("the busy backend's own CPU").isGreaterThanOrEqualTo(0.1);
            assertThat(ProcessCpu.postgres() - before).isGreaterThanOrEqualTo(spent);
        }
    }

    /** As the other modules' tests sign in: PROMISES_TEST_DATABASE_USER, postgres by default. */
    private static Connection connect(String url) throws Exception {
        String user = System.getenv().getOrDefault("PROMISES_TEST_DATABASE_USER", "postgres");
        return DriverManager.getConnection(url, user, System.getenv().getOrDefault("PROMISES_TEST_DATABASE_PASSWORD", ""));
    }

    private static long backendOf(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long ticksOf(long pid) throws Exception {
        String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
