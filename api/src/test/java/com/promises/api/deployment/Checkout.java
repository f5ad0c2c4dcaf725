package com.promises.api.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests run in: the Docker build context, and where the deployment files live. */
final class Checkout {

    private Checkout() {
    }

    /** The top of the checkout (the directory with mvnw), whichever module directory the tests run in. */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.exists(dir.resolve("Dockerfile"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No checkout (mvnw and Dockerfile) above " + Path.of("").toAbsolutePath());
    }

    static Path file(String name) {
        return root().resolve(name);
    }

    /**
     * The shell Docker runs CMD-SHELL health checks and shell-form RUN lines with in the eclipse-temurin
     * images: their /bin/sh is dash, which lacks bash's extensions (/dev/tcp, [[ ]], arrays).
     */
    static Path dash() {
        for (Path candidate : new Path[]{Path.of("/bin/sh"), Path.of("/bin/dash"), Path.of("/usr/bin/dash")}) {
            try {
                if (candidate.toRealPath().getFileName().toString().equals("dash")) {
                    return candidate;
                }
            } catch (java.io.IOException absent) {
                // try the next one
            }
        }
        throw new IllegalStateException("No dash on this machine (Debian and Ubuntu install it): "
                + "the images' /bin/sh is dash, and the deployment's shell commands are checked with it");
    }
}
