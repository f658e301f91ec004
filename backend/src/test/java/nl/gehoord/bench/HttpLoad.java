package nl.gehoord.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A small closed-loop HTTP/1.1 load generator over keep-alive sockets: each connection sends one request, reads the
 * whole answer and sends the next, like wrk. A thread per connection and no HTTP library, so the client's own cost
 * stays small next to the servers it measures (they share the machine's cores).
 */
final class HttpLoad {
    /** Figures of one measured window. */
    record Window(long ok, long failed, double seconds, long[] latenciesMicros) {
        double rate() {
            return ok / seconds;
        }

        double percentileMs(double p) {
            if (latenciesMicros.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latenciesMicros.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1);
            return sorted[Math.max(0, index)] / 1000.0;
        }
    }

    private HttpLoad() {
    }

    /**
     * Runs {@code connections} connections against 127.0.0.1:port: {@code warmupSeconds} unmeasured, then
     * {@code seconds} measured. {@code request} makes the bytes of request number n (unique per request).
     * {@code beforeWindow} runs between warm-up and the measured window (to read CPU counters).
     */
    static Window run(int port, int connections, double warmupSeconds, double seconds, IntFunction<byte[]> request,
                      int expectedStatus, Runnable beforeWindow) throws Exception {
        AtomicLong sequence = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[connections];
        CountDownLatch done = new CountDownLatch(connections);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            long[] latencies = new long[1 << 16];
            perThread.add(latencies);
            int index = c;
            Thread t = new Thread(() -> {
                long[] mine = latencies;
                int n = 0;
                Socket socket = null;
                InputStream in = null;
                try {
                    while (!stop.get()) {
                        if (socket == null) {
                            socket = open(port);
                            in = new BufferedInputStream(socket.getInputStream(), 8192);
                        }
                        byte[] bytes = request.apply((int) sequence.getAndIncrement());
                        boolean counted = measuring.get();
                        long sent = System.nanoTime();
                        int status;
                        try {
                            socket.getOutputStream().write(bytes);
                            status = readResponse(in);
                        } catch (IOException e) {
                            socket.close();
                            socket = null;
                            status = -1;
                        }
                        long micros = (System.nanoTime() - sent) / 1000;
                        if (counted && measuring.get()) {
                            if (status == expectedStatus) {
                                ok.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                                perThread.set(index, mine);
                            }
                            mine[n++] = micros;
                        }
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } finally {
                    counts[index] = n;
                    if (socket != null) {
                        try {
                            socket.close();
                        } catch (IOException ignored) {
                            // closing at the end of the run
                        }
                    }
                    done.countDown();
                }
            }, "load-" + c);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread.sleep((long) (warmupSeconds * 1000));
        beforeWindow.run();
        long start = System.nanoTime();
        measuring.set(true);
        Thread.sleep((long) (seconds * 1000));
        measuring.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        done.await();
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(perThread.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Window(ok.get(), failed.get(), elapsed, all);
    }

    private static Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(60_000);
        return socket;
    }

    /** Reads one answer (Content-Length or chunked) from a buffered stream and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            while (true) {
                String size = line(in);
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (n == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are not used
                    }
                    break;
                }
                skip(in, n);
                line(in);
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return status;
    }

    private static void skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long skipped = in.skip(n);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            n -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** The bytes of a POST with a JSON body. */
    static byte[] post(String path, String[] headers, byte[] body) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }
}
