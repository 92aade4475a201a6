package dev.dynoctl.table;

import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** What create-table did and the table as last seen. */
public record ProvisionResult(Outcome outcome, TableDescription table, Duration waited) {
    public enum Outcome { CREATED, EXISTS }
}
