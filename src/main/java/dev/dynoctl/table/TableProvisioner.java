package dev.dynoctl.table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * create-table's work: DescribeTable to see whether the table exists; if it does, compare it with the
 * declaration; if not, CreateTable (backing off on LimitExceeded, which the SDK does not retry) and wait
 * until it is ACTIVE.
 */
public final class TableProvisioner {
    static final Duration FIRST_LIMIT_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_LIMIT_BACKOFF = Duration.ofSeconds(20);

    private final DynamoDbTables tables;
    private final TableWaiter waiter;
    private final Sleeper sleeper;

    public TableProvisioner(DynamoDbTables tables, TableWaiter waiter, Sleeper sleeper) {
        this.tables = tables;
        this.waiter = waiter;
        this.sleeper = sleeper;
    }

    /** @param wait false for --no-wait: return once CreateTable is accepted (the policy still bounds LimitExceeded retries) */
    public ProvisionResult provision(TableSpec spec, WaitPolicy policy, boolean wait, WaitListener listener) {
        long start = System.nanoTime();
        Optional<TableDescription> existing = tables.describe(spec.name());
        if (existing.isPresent()) {
            return converge(spec, existing.get(), policy, wait, listener, start);
        }
        TableDescription created;
        try {
            created = createWithBackoff(spec, policy, start);
        } catch (ResourceInUseException raced) {
            // Another process created it between our DescribeTable and CreateTable: judge it like any existing table.
            TableDescription other = tables.describe(spec.name()).orElseThrow(() -> new TableNotFoundException(spec.name(),
                    "CreateTable said it exists, DescribeTable says it does not; run the command again"));
            return converge(spec, other, policy, wait, listener, start);
        }
        TableDescription last = wait ? waiter.untilActive(spec.name(), policy, true, listener) : created;
        return new ProvisionResult(ProvisionResult.Outcome.CREATED, last, since(start));
    }

    private ProvisionResult converge(TableSpec spec, TableDescription table, WaitPolicy policy, boolean wait,
                                     WaitListener listener, long start) {
        List<Difference> differences = SpecComparison.differences(spec, table);
        if (!differences.isEmpty()) {
            throw new TableDiffersException(spec.name(), differences);
        }
        String status = table.tableStatusAsString();
        if (TableWaiter.NEVER_ACTIVE.contains(status)) {
            throw new TableUnusableException(spec.name(), status);
        }
        TableDescription last = wait && !TableWaiter.ACTIVE.equals(status)
                ? waiter.untilActive(spec.name(), policy, false, listener)
                : table;
        return new ProvisionResult(ProvisionResult.Outcome.EXISTS, last, since(start));
    }

    private TableDescription createWithBackoff(TableSpec spec, WaitPolicy policy, long start) {
        CreateTableRequest request = createRequest(spec);
        Duration backoff = FIRST_LIMIT_BACKOFF;
        while (true) {
            try {
                return tables.create(request);
            } catch (LimitExceededException e) {
                Duration left = policy.timeout().minus(since(start));
                if (left.compareTo(Duration.ZERO) <= 0) {
                    throw new TooManyTableOperationsException("CreateTable", spec.name(), since(start), e);
                }
                // Full jitter, so many CI jobs hitting the account limit together do not retry in lock-step.
                Duration pause = Duration.ofMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
                try {
                    sleeper.sleep(pause.compareTo(left) < 0 ? pause : left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new WaitInterruptedException(spec.name(), "not created yet (LimitExceededException)");
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_LIMIT_BACKOFF) > 0 ? MAX_LIMIT_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** The CreateTable request for a spec; AttributeDefinitions are derived from the keys. */
    static CreateTableRequest createRequest(TableSpec spec) {
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(spec.partitionKey().name()).keyType(KeyType.HASH).build());
        attributes.add(definition(spec.partitionKey()));
        spec.sortKey().ifPresent(sk -> {
            keys.add(KeySchemaElement.builder().attributeName(sk.name()).keyType(KeyType.RANGE).build());
            attributes.add(definition(sk));
        });
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(spec.name())
                .keySchema(keys)
                .attributeDefinitions(attributes);
        if (spec.billing() instanceof Billing.Provisioned p) {
            request.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(t -> t.readCapacityUnits(p.readCapacity()).writeCapacityUnits(p.writeCapacity()));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        return request.build();
    }

    private static AttributeDefinition definition(KeyAttribute key) {
        return AttributeDefinition.builder().attributeName(key.name()).attributeType(key.type().name()).build();
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
