package com.promises.api.infrastructure.health;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health check (the Dockerfile's HEALTHCHECK and docker-compose.yml): exits 0 when the
 * URL it is given answers 200, 1 otherwise. The image runs it with {@code java -cp} from a directory of its
 * own, so it uses nothing beyond the JDK and starts in a fraction of a second; the runtime image promises
 * no curl or wget, and its {@code /bin/sh} (dash) cannot open TCP connections itself.
 */
class ContainerHealthCheck {

    private static final int TIMEOUT_MILLIS = 3_000;

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ContainerHealthCheck URL");
            System.exit(1);
        }
        int status = statusOf(args[0]);
        if (status != 200) {
            System.err.println(args[0] + (status < 0 ? " did not answer" : " answered " + status));
        }
        System.exit(status == 200 ? 0 : 1);
    }

    /** The HTTP status, or -1 when nothing answered in time. */
    private static int statusOf(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            return connection.getResponseCode(); // the JVM exits next: nothing to close
        } catch (IOException | IllegalArgumentException e) {
            System.err.println(e);
            return -1;
        }
    }
}
