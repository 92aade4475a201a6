package dev.dynoctl.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.ContributorInsightsAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * The table-level DynamoDB calls dynoctl makes, with the errors it understands turned into its own exceptions.
 * Only ResourceNotFoundException means "absent"; every other failure is reported, naming the operation.
 */
public final class DynamoDbTables {
    private final DynamoDbClient ddb;

    public DynamoDbTables(DynamoDbClient ddb) {
        this.ddb = ddb;
    }

    public Optional<TableDescription> describe(String table) {
        try {
            return Optional.of(ddb.describeTable(r -> r.tableName(table)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new AwsCallException("DescribeTable", e);
        }
    }

    public TableDescription describeExisting(String table) {
        return describe(table).orElseThrow(() -> new TableNotFoundException(table));
    }

    /**
     * CreateTable. ResourceInUseException (the table exists) and LimitExceededException (too many table
     * operations at once) are left to the caller, which knows how to go on.
     */
    public TableDescription create(CreateTableRequest request) {
        try {
            return ddb.createTable(request).tableDescription();
        } catch (ResourceInUseException | LimitExceededException e) {
            throw e;
        } catch (SdkException e) {
            throw new AwsCallException("CreateTable", e);
        }
    }

    public TableDescription delete(String table) {
        try {
            return ddb.deleteTable(r -> r.tableName(table)).tableDescription();
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (DynamoDbException e) {
            if (isDeletionProtection(e)) {
                throw new DeletionRefusedException(protectedMessage(table));
            }
            throw new AwsCallException("DeleteTable", e);
        } catch (SdkException e) {
            throw new AwsCallException("DeleteTable", e);
        }
    }

    /** Every table name, following ListTables pagination (at most 100 names a page). */
    public List<String> listNames() {
        try {
            return ddb.listTablesPaginator(ListTablesRequest.builder().build()).tableNames().stream().toList();
        } catch (SdkException e) {
            throw new AwsCallException("ListTables", e);
        }
    }

    /** UpdateTable: settings, an index created or deleted, encryption. */
    public TableDescription update(UpdateTableRequest request) {
        return call("UpdateTable", () -> ddb.updateTable(request).tableDescription());
    }

    public Lookup<TimeToLiveDescription> describeTimeToLive(String table) {
        return lookup("DescribeTimeToLive", () -> withField(ddb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription(),
                TimeToLiveDescription::timeToLiveStatusAsString));
    }

    /** DynamoDB allows one TTL change per table per hour; its refusal says so in its own words, the message in ours. */
    public void updateTimeToLive(String table, boolean enabled, String attribute) {
        try {
            ddb.updateTimeToLive(r -> r.tableName(table).timeToLiveSpecification(t -> t.enabled(enabled).attributeName(attribute)));
        } catch (DynamoDbException e) {
            String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("multiple times")) {
                throw new AwsCallException("UpdateTimeToLive", e, "DynamoDB allows one TTL change per table per hour");
            }
            throw new AwsCallException("UpdateTimeToLive", e);
        } catch (SdkException e) {
            throw new AwsCallException("UpdateTimeToLive", e);
        }
    }

    public Lookup<ContinuousBackupsDescription> describeContinuousBackups(String table) {
        return lookup("DescribeContinuousBackups",
                () -> withField(ddb.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription(),
                        ContinuousBackupsDescription::continuousBackupsStatusAsString));
    }

    public void updatePointInTimeRecovery(String table, boolean enabled, Optional<Integer> recoveryPeriodDays) {
        call("UpdateContinuousBackups", () -> ddb.updateContinuousBackups(r -> r.tableName(table)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(enabled)
                        .recoveryPeriodInDays(recoveryPeriodDays.orElse(null)))));
    }

    /** Every tag of a table, following pagination; an answer without Tags is a table without tags. */
    public Lookup<Map<String, String>> listTags(String tableArn) {
        return lookup("ListTagsOfResource", () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            String next = null;
            do {
                String token = next;
                ListTagsOfResourceResponse page = ddb.listTagsOfResource(r -> r.resourceArn(tableArn).nextToken(token));
                page.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
                next = page.nextToken();
            } while (next != null);
            return tags;
        });
    }

    public void tag(String tableArn, Map<String, String> tags) {
        call("TagResource", () -> ddb.tagResource(r -> r.resourceArn(tableArn).tags(Requests.tags(tags))));
    }

    public void untag(String tableArn, List<String> keys) {
        call("UntagResource", () -> ddb.untagResource(r -> r.resourceArn(tableArn).tagKeys(keys)));
    }

    public void putResourcePolicy(String tableArn, String policy) {
        call("PutResourcePolicy", () -> ddb.putResourcePolicy(r -> r.resourceArn(tableArn).policy(policy)));
    }

    public void deleteResourcePolicy(String tableArn) {
        call("DeleteResourcePolicy", () -> ddb.deleteResourcePolicy(r -> r.resourceArn(tableArn)));
    }

    /** ENABLED, ENABLING, DISABLED, DISABLING or FAILED. */
    public Lookup<String> contributorInsightsStatus(String table) {
        return lookup("DescribeContributorInsights",
                () -> ddb.describeContributorInsights(r -> r.tableName(table)).contributorInsightsStatusAsString());
    }

    public void updateContributorInsights(String table, boolean enabled) {
        call("UpdateContributorInsights", () -> ddb.updateContributorInsights(r -> r.tableName(table)
                .contributorInsightsAction(enabled ? ContributorInsightsAction.ENABLE : ContributorInsightsAction.DISABLE)));
    }

    /** The table's resource policy; empty inside when it has none. */
    public Lookup<Optional<String>> resourcePolicy(String tableArn) {
        return lookup("GetResourcePolicy", () -> {
            try {
                String policy = ddb.getResourcePolicy(r -> r.resourceArn(tableArn)).policy();
                return policy == null ? null : Optional.of(policy);
            } catch (PolicyNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new AwsCallException(operation, e);
        }
    }

    /**
     * A read of an optional aspect. An endpoint that answers less than DynamoDB (an emulator) makes it "not available"
     * rather than failing the run: UnknownOperationException, HTTP 501, an HTTP 500 that is no DynamoDB error answer
     * (an HTML page, seen after the SDK's retries), or an answer without the field that matters ({@code call} gives
     * null). AccessDeniedException: the caller may not read it. Anything else, such as DynamoDB's own
     * InternalServerError, fails the call as any other.
     */
    private static <T> Lookup<T> lookup(String operation, Supplier<T> call) {
        try {
            T value = call.get();
            return value == null ? Lookup.notAvailable("answer without its fields") : Lookup.found(value);
        } catch (DynamoDbException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("UnknownOperationException".equals(code)) {
                return Lookup.notAvailable(code);
            }
            if ("AccessDeniedException".equals(code)) {
                return Lookup.denied();
            }
            if (e.statusCode() == 501 || e.statusCode() == 500 && code == null) {
                return Lookup.notAvailable("HTTP " + e.statusCode());
            }
            throw new AwsCallException(operation, e);
        } catch (SdkException e) {
            throw new AwsCallException(operation, e);
        }
    }

    /** The answer, or null when it lacks the field without which it says nothing. */
    private static <T> T withField(T answer, Function<T, ?> field) {
        return answer == null || field.apply(answer) == null ? null : answer;
    }

    static String protectedMessage(String table) {
        return "table " + table + " has deletion protection enabled; turn it off first "
                + "(aws dynamodb update-table --table-name " + table + " --no-deletion-protection-enabled)";
    }

    private static boolean isDeletionProtection(DynamoDbException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("deletion protection")
                || message != null && message.toLowerCase(java.util.Locale.ROOT).contains("protected against deletion");
    }
}
