package dev.dynoctl.table;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

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
