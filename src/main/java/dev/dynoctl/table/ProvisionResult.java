package dev.dynoctl.table;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What create-table did: the outcome, the table as last seen, how long it took, the in-place changes applied
 * and the declared settings that could not be compared or applied on this endpoint.
 */
public record ProvisionResult(Outcome outcome, TableDescription table, Duration waited, List<String> changes,
                              List<String> skipped) {
    public enum Outcome { CREATED, EXISTS, UPDATED }
}
