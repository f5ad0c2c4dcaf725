package com.promises.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.promises.projections.history.JdbcEventHistory;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** What the same PostgreSQL does with no service in front: the ceiling each figure is measured against. */
final class RawLimits {

    private final String url;
    private final String user;
    private final String password;

    RawLimits(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** What the raw inserts reached, and the CPU they took. */
    record Inserts(double perSecond, CpuSpent cpu) {
    }

    /** Rows shaped like an event row (ids, a ~500-byte bytea payload), one per transaction, at a concurrency. */
    Inserts inserts(int rows, int clients) throws Exception {
        try (Connection connection = connect(); var statement = connection.createStatement()) {
            statement.execute("""
                    create table if not exists bench_raw_insert (id bigserial primary key, aggregate varchar(255) not null,
                        sequence bigint not null, event_id varchar(255) not null unique, payload bytea not null,
                        metadata bytea, stamp varchar(255) not null, unique (aggregate, sequence))""");
            statement.execute("truncate bench_raw_insert");
        }
        byte[] payload = "{\"customerId\":\"x\",\"note\":\"%s\"}".formatted("p".repeat(470)).getBytes(StandardCharsets.UTF_8);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = LoadThreads.pool(clients);
        CountDownLatch finished = new CountDownLatch(clients);
        CountDownLatch measured = new CountDownLatch(1);
        CpuSpent before = CpuSpent.now();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(pool.submit(() -> {
                try (Connection connection = connect();
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into bench_raw_insert (aggregate, sequence, event_id, payload, metadata, stamp) values (?, ?, ?, ?, ?, ?)")) {
                    connection.setAutoCommit(false);
                    for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                        insert.setString(1, "customer-" + (i % 10_000));
                        insert.setLong(2, i);
                        insert.setString(3, UUID.randomUUID().toString());
                        insert.setBytes(4, payload);
                        insert.setBytes(5, "{\"actor\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
                        insert.setString(6, "2026-06-15T09:00:00.000Z");
                        insert.executeUpdate();
                        connection.commit();
                    }
                    finished.countDown();
                    measured.await(); // PostgreSQL's CPU is read per backend: keep this one until it has been
                }
                return null;
            }));
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuSpent cpu = CpuSpent.now().since(before);
        measured.countDown();
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();
        return new Inserts(rows / seconds, cpu);
    }

    /**
     * Reading every stored event and parsing its JSON payload and metadata: the ceiling of a rebuild. The faster
     * of two passes, since the first also warms the JIT compiler and the caches (single passes measured 51,000 to
     * 112,000 events/s on the same machine).
     */
    double readAndParsePerSecond() throws Exception {
        return Math.max(readAndParseOnce(), readAndParseOnce());
    }

    private double readAndParseOnce() throws Exception {
        ObjectMapper json = new ObjectMapper();
        long rows = 0;
        long start = System.nanoTime();
        try (Connection connection = connect()) {
            connection.setAutoCommit(false); // lets the driver stream with a fetch size
            try (PreparedStatement select = connection.prepareStatement(
                    "select globalindex, payloadtype, payload, metadata from " + JdbcEventHistory.EVENTS + " order by globalindex")) {
                select.setFetchSize(1_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        json.readTree(rs.getBytes(3));
                        json.readTree(rs.getBytes(4));
                        rows++;
                    }
                }
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }
}
