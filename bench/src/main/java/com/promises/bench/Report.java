package com.promises.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table of figures, each beside its raw limit and target, printed and written to BENCHMARKS.md. */
final class Report {

    record Row(String figure, String value, String rawLimit, String ratio, String target, String meaning) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final String header;

    Report(String header) {
        this.header = header;
    }

    void add(String figure, String value, String rawLimit, String ratio, String target, String meaning) {
        rows.add(new Row(figure, value, rawLimit, ratio, target, meaning));
    }

    void note(String note) {
        notes.add(note);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    String markdown() {
        StringBuilder out = new StringBuilder(header).append("\n\n");
        out.append("| figure | measured | raw PostgreSQL limit | ratio | target | what it means |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.figure(), row.value(), row.rawLimit(), row.ratio(), row.target(),
                    row.meaning())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\n");
            notes.forEach(note -> out.append("- ").append(note).append("\n"));
        }
        return out.toString();
    }

    /** Marks where the hand-written analysis begins; a new run replaces the figures above it and keeps it. */
    static final String ANALYSIS = "<!-- analysis: kept across runs -->";

    void write(Path file) throws IOException {
        String kept = "";
        if (Files.exists(file)) {
            String old = Files.readString(file);
            int at = old.indexOf(ANALYSIS);
            kept = at < 0 ? "" : "\n" + old.substring(at);
        }
        Files.writeString(file, markdown() + kept);
    }

    static String machine() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return "%d cores, %.1f GiB memory, %s %s, Java %s".formatted(Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }

    static String percent(double part, double whole) {
        return whole <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
    }

    /** A figure against its raw limit, to a tenth of a percent: whole percents hid 29.9% against a 30% target. */
    static String ratio(double measured, double limit) {
        return limit <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * measured / limit);
    }
}
