package com.promises.api.deployment;

import org.springframework.boot.SpringApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Dockerfile's image built on this machine without Docker, once per test JVM: the tests of this package
 * share it. Each stage's file system is a directory. In the build stages WORKDIR, ENV, COPY and RUN are
 * replayed: COPY from the checkout as the build context (less what .dockerignore leaves out), RUN under dash
 * in the WORKDIR, with Maven on the test run's local repository, as docker build would with network: what a
 * clean machine's test phase has not fetched yet (the packaging plugins) is downloaded once. In the last stage, the
 * image, COPY --from and VOLUME are replayed; its RUN lines set up users and directories of the base image's
 * operating system and are not run. Any other instruction in a build stage fails the replay: a step it
 * skipped would make its verdict worthless.
 */
final class ReplayedImage {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern WILDCARD = Pattern.compile("[*?\\[]");
    private static final List<String> DESCRIBING_THE_CONTAINER =
            List.of("USER", "EXPOSE", "ENTRYPOINT", "CMD", "HEALTHCHECK", "LABEL", "STOPSIGNAL");

    private static ReplayedImage shared;
    private static RuntimeException sharedFailure;

    final Dockerfile dockerfile;
    /** The image's "/". */
    final Path root;
    final Duration took;
    private final Map<String, Path> stageRoots;

    private ReplayedImage(Dockerfile dockerfile, Map<String, Path> stageRoots, Path root, Duration took) {
        this.dockerfile = dockerfile;
        this.stageRoots = stageRoots;
        this.root = root;
        this.took = took;
    }

    /** The checkout's Dockerfile, replayed on the first call; a failed replay fails every caller, without a retry. */
    static synchronized ReplayedImage ofCheckout() {
        if (shared == null && sharedFailure == null) {
            try {
                Path workspace = Files.createTempDirectory(
                        Files.createDirectories(Path.of("target").toAbsolutePath()), "docker-replay-");
                shared = replay(Dockerfile.read(Checkout.file("Dockerfile")), Checkout.root(), workspace);
                System.out.printf("Dockerfile replayed in %d s in %s%n", shared.took.toSeconds(), workspace);
            } catch (IOException e) {
                sharedFailure = new UncheckedIOException(e);
            } catch (RuntimeException e) {
                sharedFailure = e;
            }
        }
        if (sharedFailure != null) {
            throw new IllegalStateException("The Dockerfile's replay failed: " + sharedFailure.getMessage(), sharedFailure);
        }
        return shared;
    }

    static ReplayedImage replay(Dockerfile dockerfile, Path context, Path workspace) {
        long started = System.nanoTime();
        DockerIgnore ignored = DockerIgnore.of(context);
        Map<String, Path> stageRoots = new HashMap<>();
        Path root = null;
        for (int i = 0; i < dockerfile.stages().size(); i++) {
            Dockerfile.Stage stage = dockerfile.stages().get(i);
            boolean isImage = i == dockerfile.stages().size() - 1;
            root = workspace.resolve(stage.name() != null ? stage.name() : isImage ? "image" : "stage-" + i);
            new StageReplay(root, context, ignored, stageRoots, workspace).replay(stage, isImage);
            stageRoots.put(stage.name() != null ? stage.name() : Integer.toString(i), root);
        }
        return new ReplayedImage(dockerfile, Map.copyOf(stageRoots), root, Duration.ofNanos(System.nanoTime() - started));
    }

    /** A file of a build stage (named by FROM ... AS), by its path there. */
    Path stageFile(String stage, String path) {
        return stageRoots.get(stage).resolve(path.replaceFirst("^/+", ""));
    }

    /** A file of the image, by its path there ("/app/promises.jar"). */
    Path file(String imagePath) {
        return root.resolve(imagePath.replaceFirst("^/+", ""));
    }

    /** A command of the image with its paths under WORKDIR ("/app/health") turned into this replay's. */
    String withLocalPaths(String command) {
        String workdir = dockerfile.last().last("WORKDIR").orElseThrow().body();
        Matcher paths = Pattern.compile("(?<![\\w.:/-])" + Pattern.quote(workdir) + "(?=/|\\s|\"|$)").matcher(command);
        return paths.replaceAll(Matcher.quoteReplacement(file(workdir).toString()));
    }

    /** Where Maven keeps artifacts for this test run: RUN lines are replayed against it. */
    static Path localRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            // A jar of the test classpath sits at <repository>/org/springframework/boot/spring-boot/<version>/<file>.
            Path jar = Path.of(SpringApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repository = jar.getParent().getParent().getParent().getParent().getParent().getParent();
            if (!Files.isDirectory(repository.resolve("org/springframework/boot/spring-boot"))) {
                throw new IllegalStateException("Spring Boot's jar is not in a Maven repository: " + jar);
            }
            return repository;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stage, instruction by instruction, in a directory standing for its "/". */
    private record StageReplay(Path root, Path context, DockerIgnore ignored, Map<String, Path> stageRoots, Path logs) {

        void replay(Dockerfile.Stage stage, boolean isImage) {
            if (stageRoots.containsKey(stage.image())) {
                throw new IllegalStateException("FROM another stage is not replayed: FROM " + stage.image());
            }
            String workdir = "/";
            Map<String, String> environment = new LinkedHashMap<>();
            for (Dockerfile.Instruction instruction : stage.instructions()) {
                switch (instruction.keyword()) {
                    case "WORKDIR" -> {
                        workdir = imagePath(workdir, instruction.body());
                        createDirectories(local(workdir));
                    }
                    case "ENV" -> environment.putAll(variables(instruction));
                    case "COPY" -> copy(instruction, workdir);
                    case "VOLUME" -> {
                        for (String volume : instruction.words()) {
                            createDirectories(local(imagePath(workdir, volume)));
                        }
                    }
                    case "RUN" -> {
                        if (!isImage) {
                            run(instruction, local(workdir), environment);
                        }
                    }
                    default -> {
                        if (!isImage || !DESCRIBING_THE_CONTAINER.contains(instruction.keyword())) {
                            throw new IllegalStateException("Not replayed: " + instruction);
                        }
                    }
                }
            }
        }

        private void copy(Dockerfile.Instruction copy, String workdir) {
            Map<String, String> options = new LinkedHashMap<>(copy.options());
            options.remove("chown");
            options.remove("chmod");
            String from = options.remove("from");
            if (!options.isEmpty()) {
                throw new IllegalStateException("COPY options not replayed " + options.keySet() + ": " + copy);
            }
            List<String> words = copy.words();
            List<String> sources = words.subList(0, words.size() - 1);
            String destination = words.get(words.size() - 1);
            boolean intoDirectory = destination.endsWith("/") || sources.size() > 1;
            Path target = local(imagePath(workdir, destination));
            for (String source : sources) {
                if (WILDCARD.matcher(source).find()) {
                    throw new IllegalStateException("COPY wildcards are not replayed: " + copy);
                }
                Path sourceRoot = from == null ? context : stageRoots.get(from);
                if (sourceRoot == null) {
                    throw new IllegalStateException("COPY --from an unknown stage: " + copy);
                }
                Path path = sourceRoot.resolve(source.replaceFirst("^/+", "")).normalize();
                if (!path.startsWith(sourceRoot) || !Files.exists(path) || (from == null && isIgnored(path))) {
                    throw new IllegalStateException("COPY source not found" + (from == null ? " in the build context" : "")
                            + ": " + source + " (" + copy + ")");
                }
                if (Files.isDirectory(path)) {
                    copyTree(path, target, from == null);
                } else {
                    copyFile(path, intoDirectory || Files.isDirectory(target) ? target.resolve(path.getFileName()) : target);
                }
            }
        }

        private void copyTree(Path directory, Path target, boolean fromContext) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    if (!fromContext || !isIgnored(file)) {
                        copyFile(file, target.resolve(directory.relativize(file).toString()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private boolean isIgnored(Path inContext) {
            return ignored.excludes(context.relativize(inContext));
        }

        private void run(Dockerfile.Instruction run, Path directory, Map<String, String> environment) {
            if (!run.options().isEmpty()) {
                throw new IllegalStateException("RUN options are not replayed: " + run);
            }
            List<String> command = run.isExecForm() ? run.words()
                    : List.of(Checkout.dash().toString(), "-c", run.body());
            Path log = logs.resolve("run-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> processEnvironment = builder.environment();
            processEnvironment.keySet().removeIf(name -> name.startsWith("MAVEN_"));
            processEnvironment.putAll(environment);
            // Maven 3.9 adds MAVEN_ARGS to every command line. Not offline: the test phase never needed the
            // plugins that package the jars, so a clean machine has not fetched them yet.
            processEnvironment.put("MAVEN_ARGS", "-Dmaven.repo.local=" + localRepository());
            // A short-lived Maven is fastest with the quick compiler only; the jar it builds is the same.
            processEnvironment.put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            try {
                Process process = builder.start();
                if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException("Still running after " + RUN_TIMEOUT + ": " + run);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(run + " exited with " + process.exitValue() + ":\n" + tail(log));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Path local(String imagePath) {
            return root.resolve(imagePath.replaceFirst("^/+", ""));
        }
    }

    /** ENV key=value [key=value...], or the old ENV key value. */
    private static Map<String, String> variables(Dockerfile.Instruction env) {
        Map<String, String> variables = new LinkedHashMap<>();
        String body = env.body();
        if (!body.split("\\s+")[0].contains("=")) {
            String[] keyAndValue = body.split("\\s+", 2);
            variables.put(keyAndValue[0], keyAndValue.length > 1 ? keyAndValue[1] : "");
            return variables;
        }
        for (String pair : body.split("\\s+")) {
            String[] keyAndValue = pair.split("=", 2);
            variables.put(keyAndValue[0], keyAndValue[1].replaceAll("^\"|\"$", ""));
        }
        return variables;
    }

    private static String imagePath(String workdir, String path) {
        return Path.of(workdir).resolve(path).normalize().toString();
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFile(Path file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
