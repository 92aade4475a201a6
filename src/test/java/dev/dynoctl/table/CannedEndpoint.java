package dev.dynoctl.table;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dynoctl.aws.AwsSettings;
import dev.dynoctl.aws.DynamoDbClients;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real HTTP endpoint on 127.0.0.1 (a free port) that answers each DynamoDB operation, named by its X-Amz-Target,
 * with the answers a test gave it in turn (the last one repeats); an operation given none gets
 * UnknownOperationException, as from an endpoint that lacks it. Talked to by dynoctl's own SDK client.
 */
final class CannedEndpoint implements AutoCloseable {
    static final String TABLE = "Things";
    static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/" + TABLE;
    static final Answer ACTIVE_TABLE = Answer.json("{\"Table\":{\"TableName\":\"" + TABLE + "\",\"TableStatus\":\"ACTIVE\","
            + "\"TableArn\":\"" + ARN + "\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
            + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
            + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"}}}");

    record Answer(int status, String contentType, String body) {
        static Answer json(String body) {
            return new Answer(200, "application/x-amz-json-1.0", body);
        }

        /** DynamoDB's own error answer: the AWS JSON protocol's {@code __type}. */
        static Answer error(int status, String type) {
            return new Answer(status, "application/x-amz-json-1.0", "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\"}");
        }

        /** What moto answers for an operation it has not implemented. */
        static Answer html(int status) {
            return new Answer(status, "text/html; charset=utf-8",
                    "<!doctype html>\n<html lang=en>\n<title>" + status + "</title>\n<h1>Internal Server Error</h1>\n");
        }
    }

    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final DynamoDbClient client;

    CannedEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new DynamoDbClients(Map.of(), List.of()).open(new AwsSettings(Optional.of("us-east-1"), Optional.empty(),
                Optional.of(uri()), true));
    }

    CannedEndpoint answer(String operation, Answer... inTurn) {
        answers.put(operation, new ArrayDeque<>(List.of(inTurn)));
        return this;
    }

    int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    DynamoDbTables tables() {
        return new DynamoDbTables(client);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
            calls.merge(operation, 1, Integer::sum);
            Deque<Answer> queue = answers.get(operation);
            Answer answer = queue == null ? Answer.error(400, "UnknownOperationException")
                    : queue.size() > 1 ? queue.poll() : queue.peek();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        client.close();
        server.stop(0);
    }
}
