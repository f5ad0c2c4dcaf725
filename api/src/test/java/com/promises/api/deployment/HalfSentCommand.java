package com.promises.api.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A command in flight for as long as the test wants: its headers and half its body are sent, and the service
 * holds the request (its filters wait for the rest of the body) until {@link #finish()} sends the other half.
 */
final class HalfSentCommand implements AutoCloseable {

    private final Socket socket;
    private final CommandLoad.Command command;
    private final byte[] secondHalf;

    private HalfSentCommand(Socket socket, CommandLoad.Command command, byte[] secondHalf) {
        this.socket = socket;
        this.command = command;
        this.secondHalf = secondHalf;
    }

    static HalfSentCommand begin(int port, CommandLoad.Command command) {
        byte[] body = command.body().getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        String head = command.method() + " " + command.path() + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Authorization: " + CommandLoad.authorization(CommandLoad.USER, CommandLoad.PASSWORD) + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Idempotency-Key: " + command.key() + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n";
        try {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            byte[] rest = new byte[body.length - half];
            System.arraycopy(body, half, rest, 0, rest.length);
            return new HalfSentCommand(socket, command, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body and reads the answer (status -1 when none comes). */
    CommandLoad.Sent finish() {
        try {
            socket.getOutputStream().write(secondHalf);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] statusLine = answer.split("\r\n", 2)[0].split(" ");
            int status = statusLine.length > 1 && statusLine[1].matches("\\d{3}") ? Integer.parseInt(statusLine[1]) : -1;
            return new CommandLoad.Sent(command, status, answer.contains("\r\nIdempotent-Replayed:"), answer);
        } catch (IOException noAnswer) {
            return new CommandLoad.Sent(command, -1, false, noAnswer.toString());
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
