package com.promises.api.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * The build context's .dockerignore: what Docker leaves out of the context, so a COPY never sees it. A pattern
 * that names a directory leaves out all below it; a leading {@code **}{@code /} matches at the top as well.
 * Exceptions ({@code !pattern}) are refused rather than half-understood.
 */
final class DockerIgnore {

    private final List<PathMatcher> patterns;

    private DockerIgnore(List<PathMatcher> patterns) {
        this.patterns = patterns;
    }

    static DockerIgnore of(Path context) {
        Path file = context.resolve(".dockerignore");
        if (!Files.exists(file)) {
            return new DockerIgnore(List.of());
        }
        try {
            return new DockerIgnore(Files.readAllLines(file).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(DockerIgnore::pattern)
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PathMatcher pattern(String line) {
        if (line.startsWith("!")) {
            throw new IllegalStateException(".dockerignore exceptions are not replayed: " + line);
        }
        String glob = line.replaceFirst("^/+", "");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (!glob.startsWith("**/")) {
            return matcher;
        }
        PathMatcher atTop = FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3));
        return path -> matcher.matches(path) || atTop.matches(path);
    }

    /** Whether Docker leaves this file of the context out: it, or a directory above it, matches a pattern. */
    boolean excludes(Path relativeToContext) {
        for (Path path = relativeToContext; path != null; path = path.getParent()) {
            for (PathMatcher pattern : patterns) {
                if (pattern.matches(path)) {
                    return true;
                }
            }
        }
        return false;
    }
}
