package dev.dynoctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * For the class-cache training run only ({@link ClassCacheTrainingCommand}), in a process of its own so that its classes
 * stay out of the class list: a loopback HTTP endpoint that answers a round of create, describe, list, wait and delete
 * in DynamoDB's JSON shapes, so that the classes of the paths users take every day (responses, waiting, printing) are
 * recorded too, not only those of the request. A table is CREATING (DELETING) until one DescribeTable has seen it, as a
 * real one is for a few seconds; operations it does not serve get DynamoDB's UnknownOperationException. It prints its URL,
 * then serves until its standard input closes. Nothing else talks to it.
 */
final class TrainingEndpoint implements AutoCloseable {
    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ObjectNode> tables = new TreeMap<>();
    private final HttpServer server;

    TrainingEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static void main(String[] args) throws IOException {
        try (TrainingEndpoint endpoint = new TrainingEndpoint()) {
            System.out.println(endpoint.uri());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Answer(int status, JsonNode body) {
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            Answer answer = answer(target.substring(target.indexOf('.') + 1), json.readTree(exchange.getRequestBody()));
            byte[] body = json.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Answer answer(String operation, JsonNode request) {
        String name = request.path("TableName").asText();
        ObjectNode table = tables.get(name);
        switch (operation) {
            case "CreateTable":
                if (table != null) {
                    return error("ResourceInUseException", "Table already exists: " + name);
                }
                ObjectNode created = description(request);
                tables.put(name, created);
                return ok("TableDescription", created);
            case "DescribeTable":
                if (table == null) {
                    return notFound(name);
                }
                Answer described = ok("Table", table);
                switch (table.path("TableStatus").asText()) {
                    case "CREATING" -> table.put("TableStatus", "ACTIVE");
                    case "DELETING" -> tables.remove(name);
                    default -> { }
                }
                return described;
            case "DeleteTable":
                if (table == null) {
                    return notFound(name);
                }
                table.put("TableStatus", "DELETING");
                return ok("TableDescription", table);
            case "ListTables":
                ObjectNode list = json.createObjectNode();
                tables.keySet().forEach(list.putArray("TableNames")::add);
                return new Answer(200, list);
            case "DescribeTimeToLive":
                return ok("TimeToLiveDescription", json.createObjectNode().put("TimeToLiveStatus", "DISABLED"));
            default:
                return error("UnknownOperationException", "An unknown operation was requested.");
        }
    }

    /** What DynamoDB says of a table just created from this CreateTable request. */
    private ObjectNode description(JsonNode request) {
        String name = request.path("TableName").asText();
        ObjectNode table = json.createObjectNode()
                .put("TableName", name)
                .put("TableStatus", "CREATING")
                .put("TableArn", "arn:aws:dynamodb:us-east-1:000000000000:table/" + name)
                .put("TableId", "00000000-0000-4000-8000-000000000000")
                .put("CreationDateTime", System.currentTimeMillis() / 1000.0)
                .put("ItemCount", 0)
                .put("TableSizeBytes", 0)
                .put("DeletionProtectionEnabled", request.path("DeletionProtectionEnabled").asBoolean(false));
        table.set("KeySchema", request.path("KeySchema"));
        table.set("AttributeDefinitions", request.path("AttributeDefinitions"));
        table.putObject("BillingModeSummary").put("BillingMode", request.path("BillingMode").asText("PROVISIONED"));
        table.set("ProvisionedThroughput", throughput(request));
        table.set("WarmThroughput", warmThroughput());
        if (request.has("GlobalSecondaryIndexes")) {
            ArrayNode indexes = table.putArray("GlobalSecondaryIndexes");
            for (JsonNode index : request.path("GlobalSecondaryIndexes")) {
                ObjectNode described = index.deepCopy();
                described.put("IndexStatus", "ACTIVE").set("ProvisionedThroughput", throughput(index));
                described.set("WarmThroughput", warmThroughput());
                indexes.add(described);
            }
        }
        if (request.has("LocalSecondaryIndexes")) {
            ArrayNode indexes = table.putArray("LocalSecondaryIndexes");
            for (JsonNode index : request.path("LocalSecondaryIndexes")) {
                indexes.add(((ObjectNode) index.deepCopy()).put("IndexSizeBytes", 0).put("ItemCount", 0));
            }
        }
        return table;
    }

    /** DynamoDB reports every table's and index's warm throughput, so every run unmarshals one. */
    private ObjectNode warmThroughput() {
        return json.createObjectNode().put("ReadUnitsPerSecond", 12000).put("WriteUnitsPerSecond", 4000).put("Status", "ACTIVE");
    }

    private ObjectNode throughput(JsonNode requested) {
        return json.createObjectNode()
                .put("ReadCapacityUnits", requested.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(0))
                .put("WriteCapacityUnits", requested.path("ProvisionedThroughput").path("WriteCapacityUnits").asLong(0))
                .put("NumberOfDecreasesToday", 0);
    }

    private Answer ok(String field, JsonNode value) {
        ObjectNode body = json.createObjectNode();
        body.set(field, value.deepCopy());
        return new Answer(200, body);
    }

    private Answer notFound(String table) {
        return error("ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
    }

    private Answer error(String type, String message) {
        return new Answer(400, json.createObjectNode().put("__type", ERROR_TYPE_PREFIX + type).put("message", message));
    }
}
