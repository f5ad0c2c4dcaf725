package com.promises.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A blocking HTTP/1.1 client with one persistent connection per calling thread: what a load generator needs
 * and no more. The load shares the two cores with the service; the JDK HttpClient (a selector thread and
 * asynchronous hand-offs per request) took about a quarter of a core at 32 clients, this takes little.
 * Handles Content-Length and chunked bodies and the server closing the connection.
 */
final class PlainHttpClient implements AutoCloseable {

    /** The status, the body and the headers as sent ({@code name: value}, one per line). */
    record Answer(int statusCode, String body, List<String> headers) {

        /** The first value of a header, or null; names compared without case. */
        String header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }
    }

    /** Long enough for the slowest answer measured, the aging report over the whole history. */
    private static final int TIMEOUT_MILLIS = 300_000;

    private final String host;
    private final int port;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    PlainHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Sends one request and reads the whole answer. A connection the server closed while idle is noticed when
     * nothing at all comes back, and the request is sent once more on a new one.
     */
    Answer send(String method, String path, String headers, String body) {
        byte[] request = request(method, path, headers, body);
        try {
            Connection connection = connections.get();
            if (connection != null && connection.isClosed()) { // the last answer said Connection: close
                open.remove(connection);
                connection = null;
            }
            if (connection != null) {
                try {
                    return connection.exchange(request);
                } catch (StaleConnection stale) {
                    connection.close();
                    open.remove(connection);
                }
            }
            connection = new Connection(host, port);
            open.add(connection);
            connections.set(connection);
            return connection.exchange(request);
        } catch (IOException e) {
            Connection broken = connections.get();
            if (broken != null) {
                broken.close();
                open.remove(broken);
                connections.remove();
            }
            throw new IllegalStateException("request failed: " + method + " " + path + ": " + e, e);
        }
    }

    private byte[] request(String method, String path, String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n" + headers
                + (body == null ? "" : "Content-Length: " + content.length + "\r\n") + "\r\n";
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + content.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(content, 0, all, start.length, content.length);
        return all;
    }

    @Override
    public void close() {
        open.forEach(Connection::close);
        open.clear();
    }

    /** Nothing came back on a reused connection: the server had closed it. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("connection closed by the server");
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean used;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        Answer exchange(byte[] request) throws IOException {
            boolean reused = used;
            used = true;
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                if (reused) {
                    throw new StaleConnection();
                }
                throw e;
            }
            String statusLine;
            try {
                statusLine = line(reused);
            } catch (SocketException reset) {
                if (reused) {
                    throw new StaleConnection();
                }
                throw reset;
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closes = false;
            List<String> headers = new ArrayList<>();
            for (String header = line(false); !header.isEmpty(); header = line(false)) {
                headers.add(header);
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            byte[] body = chunked ? chunkedBody() : length >= 0 ? in.readNBytes(length) : in.readAllBytes();
            if (length >= 0 && body.length < length) {
                throw new EOFException("body cut short");
            }
            if (closes || (!chunked && length < 0)) {
                close();
            }
            return new Answer(status, new String(body, StandardCharsets.UTF_8), headers);
        }

        private byte[] chunkedBody() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line(false);
                int semicolon = size.indexOf(';');
                int chunk = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (chunk == 0) {
                    while (!line(false).isEmpty()) {
                        // trailers, if any, are not needed
                    }
                    return body.toByteArray();
                }
                byte[] data = in.readNBytes(chunk);
                if (data.length < chunk) {
                    throw new EOFException("chunk cut short");
                }
                body.write(data);
                line(false);
            }
        }

        /** One header line without its CRLF; at the very start of a reused connection, EOF means stale. */
        private String line(boolean firstOnReused) throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    if (firstOnReused && line.isEmpty()) {
                        throw new StaleConnection();
                    }
                    throw new EOFException("connection closed mid-answer");
                }
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        boolean isClosed() {
            return socket.isClosed();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that is going away anyway
            }
        }
    }
}
