package dev.dynoctl.support;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest;

/**
 * What moto cannot show: it has no contributor insights (it answers HTTP 500), and its point-in-time recovery is
 * ENABLED at once, where DynamoDB says ENABLING for a while. This test-only interceptor answers those operations in
 * the service's documented JSON shapes from state it keeps (PITR turns ENABLING, then ENABLED on the second
 * DescribeContinuousBackups), and records every request dynoctl sent. Everything else, tags included, reaches moto.
 */
public final class FollowUpReplay implements ExecutionInterceptor {
    private static final Set<String> REPLAYED = Set.of("DescribeContinuousBackups", "UpdateContinuousBackups",
            "DescribeContributorInsights", "UpdateContributorInsights");

    private final List<SdkRequest> sent = new CopyOnWriteArrayList<>();
    private volatile String pitrStatus = "DISABLED";
    private volatile Integer recoveryDays;
    private volatile int describesUntilEnabled;
    private volatile String insightsStatus = "DISABLED";

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        sent.add(context.request());
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").endsWith("." + operation)) {
            return context.httpResponse(); // another test interceptor refused this call: it never reached "the service"
        }
        record(context.request());
        if (!REPLAYED.contains(operation)) {
            return context.httpResponse();
        }
        return context.httpResponse().toBuilder().statusCode(200).removeHeader("x-amz-crc32").removeHeader("Content-Length")
                .removeHeader("x-amzn-ErrorType").build();
    }

    /** The state change a request makes on the service. */
    private void record(SdkRequest request) {
        if (request instanceof UpdateContinuousBackupsRequest update) {
            boolean enable = update.pointInTimeRecoverySpecification().pointInTimeRecoveryEnabled();
            pitrStatus = enable ? "ENABLING" : "DISABLED";
            recoveryDays = enable ? update.pointInTimeRecoverySpecification().recoveryPeriodInDays() : null;
            describesUntilEnabled = 2;
        } else if (request instanceof UpdateContributorInsightsRequest update) {
            insightsStatus = "ENABLE".equals(update.contributorInsightsActionAsString()) ? "ENABLED" : "DISABLED";
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!REPLAYED.contains(operation)
                || !context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").endsWith("." + operation)) {
            return context.responseBody();
        }
        String body = switch (operation) {
            case "DescribeContinuousBackups", "UpdateContinuousBackups" -> continuousBackups(operation);
            case "DescribeContributorInsights", "UpdateContributorInsights" -> "{\"ContributorInsightsStatus\":\"" + insightsStatus + "\"}";
            default -> "{}";
        };
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private String continuousBackups(String operation) {
        if (operation.startsWith("Describe") && "ENABLING".equals(pitrStatus) && --describesUntilEnabled <= 0) {
            pitrStatus = "ENABLED";
        }
        return "{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\",\"PointInTimeRecoveryDescription\":"
                + "{\"PointInTimeRecoveryStatus\":\"" + pitrStatus + "\"" + (recoveryDays == null ? "" : ",\"RecoveryPeriodInDays\":" + recoveryDays)
                + "}}}";
    }

    /** Every request dynoctl sent through this interceptor, of the given type. */
    public <T extends SdkRequest> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public String pitrStatus() {
        return pitrStatus;
    }
}
