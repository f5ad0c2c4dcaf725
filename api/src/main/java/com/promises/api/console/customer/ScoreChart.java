package com.promises.api.console.customer;

import com.promises.projections.audit.CustomerAudit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The score over the customer's history as an SVG line drawn on the server: one point before the first event (the
 * policy's starting score) and one after each event, from the same as-of replay auditors read. Marks (with their
 * explanation on hover) stand where the score moved.
 */
record ScoreChart(int width, int height, String line, List<Point> points, List<Point> marks, List<Change> changes) {

    static final int WIDTH = 640;
    static final int HEIGHT = 200;
    private static final int MARGIN = 24;

    /** A point of the line, with what moved it there (null for the starting score). */
    record Point(double x, double y, Long sequence, String type, BigDecimal delta, BigDecimal score) {
    }

    /** The score after the last event (the starting score without events). */
    public BigDecimal lastScore() {
        return points.isEmpty() ? null : points.get(points.size() - 1).score();
    }

    /** An event that moved the score, for the explanation below the chart. */
    record Change(long sequence, String type, BigDecimal delta, BigDecimal score, boolean up) {
    }

    static ScoreChart of(List<CustomerAudit.Explanation> explanation) {
        List<Point> points = new ArrayList<>();
        List<Point> marks = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        if (explanation.isEmpty()) {
            return new ScoreChart(WIDTH, HEIGHT, "", points, marks, changes);
        }
        CustomerAudit.Explanation first = explanation.get(0);
        BigDecimal start = first.scoreAfter().subtract(first.delta());
        double step = (WIDTH - 2.0 * MARGIN) / explanation.size();
        points.add(new Point(MARGIN, y(start), null, null, null, start));
        marks.add(points.get(0));
        for (int i = 0; i < explanation.size(); i++) {
            CustomerAudit.Explanation event = explanation.get(i);
            points.add(new Point(round(MARGIN + step * (i + 1)), y(event.scoreAfter()), event.sequence(), event.type(),
                    event.delta(), event.scoreAfter()));
            if (event.delta().signum() != 0) {
                marks.add(points.get(points.size() - 1));
                changes.add(new Change(event.sequence(), event.type(), event.delta(), event.scoreAfter(),
                        event.delta().signum() > 0));
            }
        }
        StringBuilder line = new StringBuilder();
        for (Point point : points) {
            line.append(line.isEmpty() ? "M" : " L").append(point.x()).append(',').append(point.y());
        }
        return new ScoreChart(WIDTH, HEIGHT, line.toString(), points, marks, changes);
    }

    /** The score's height: 0 at the bottom margin, 100 at the top one. */
    private static double y(BigDecimal score) {
        double fraction = score.setScale(1, RoundingMode.HALF_UP).doubleValue() / 100.0;
        return round(HEIGHT - MARGIN - fraction * (HEIGHT - 2.0 * MARGIN));
    }

    private static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }

    /** Where the gridline of a score lies. */
    static double gridY(int score) {
        return y(BigDecimal.valueOf(score));
    }
}
