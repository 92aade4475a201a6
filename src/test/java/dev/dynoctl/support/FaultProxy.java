package dev.dynoctl.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP proxy between dynoctl and an emulator that injects faults per operation: HTTP 5xx, DynamoDB's
 * throttling and limit errors with their real JSON bodies, connection resets (before or after the server acted), slow
 * answers, and rewritten answers. Built on the JDK's own HTTP server and client; binds 127.0.0.1 only; stopped by
 * {@link #close()}.
 */
public final class FaultProxy implements AutoCloseable {
    /** What to do with one call. */
    public sealed interface Fault {
    }

    /** Answer with this HTTP status and a DynamoDB error body (type null: a plain 5xx body). */
    public record Answer(int status, String errorType, String message) implements Fault {
    }

    /** Drop the connection without an answer; {@code afterForwarding}: the server has handled the request. */
    public record Reset(boolean afterForwarding) implements Fault {
    }

    /** Forward, but answer only after this delay. */
    public record Slow(Duration delay) implements Fault {
    }

    /** Forward and rewrite the answer's body. */
    public record Rewrite(UnaryOperator<String> body) implements Fault {
    }

    public static Fault serviceUnavailable() {
        return new Answer(503, null, "Service Unavailable");
    }

    public static Fault internalError() {
        return new Answer(500, "InternalServerError", "Internal server error");
    }

    public static Fault throttling() {
        return new Answer(400, "com.amazon.coral.availability#ThrottlingException", "Rate of requests exceeds the allowed throughput.");
    }

    public static Fault throughputExceeded() {
        return new Answer(400, "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded.");
    }

    public static Fault limitExceeded() {
        return new Answer(400, "com.amazonaws.dynamodb.v20120810#LimitExceededException",
                "Subscriber limit exceeded: Only 500 tables can be created, updated, or deleted simultaneously");
    }

    /** The answer forwarded with the table's status CREATING, as DynamoDB says for a while (moto: ACTIVE). */
    public static Fault creating() {
        return new Rewrite(body -> body.replace("\"ACTIVE\"", "\"CREATING\""));
    }

    public static Fault notFound() {
        return new Answer(400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "Requested resource not found");
    }

    /** A rule: for calls of {@code operation}, numbered from 1, apply the fault to calls first..last. */
    private record Rule(String operation, int first, int last, Fault fault) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String lastAuthorization;

    public FaultProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Apply {@code fault} to the calls numbered first..last (from 1) of {@code operation}, e.g. "CreateTable". */
    public FaultProxy on(String operation, int first, int last, Fault fault) {
        rules.add(new Rule(operation, first, last, fault));
        return this;
    }

    /** Apply {@code fault} to every call of {@code operation}. */
    public FaultProxy always(String operation, Fault fault) {
        return on(operation, 1, Integer.MAX_VALUE, fault);
    }

    /** How many calls of the operation reached the proxy. */
    public int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    /** The Authorization header of the last request (it names the access key that signed it). */
    public String lastAuthorization() {
        return lastAuthorization;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        int number = calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
        Fault fault = rules.stream().filter(r -> r.operation().equals(operation) && number >= r.first() && number <= r.last())
                .map(Rule::fault).findFirst().orElse(null);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            if (fault instanceof Answer answer) {
                String json = answer.errorType() == null ? answer.message()
                        : "{\"__type\":\"" + answer.errorType() + "\",\"message\":\"" + answer.message() + "\"}";
                send(exchange, answer.status(), "application/x-amz-json-1.0", json.getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault instanceof Reset reset && !reset.afterForwarding()) {
                exchange.close();
                return;
            }
            HttpResponse<byte[]> answer = forward(exchange, body);
            if (fault instanceof Reset) {
                exchange.close();
                return;
            }
            if (fault instanceof Slow slow) {
                Thread.sleep(slow.delay().toMillis());
            }
            byte[] answerBody = answer.body();
            if (fault instanceof Rewrite rewrite) {
                answerBody = rewrite.body().apply(new String(answerBody, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            send(exchange, answer.statusCode(), answer.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"),
                    answerBody);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException e) {
            exchange.close();
        }
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getPath()))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : List.of("Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date", "X-Amz-Security-Token")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
