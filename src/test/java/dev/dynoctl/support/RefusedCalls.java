package dev.dynoctl.support;

import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Replays a DynamoDB error (e.g. LimitExceededException on CreateTable) on the first {@code times} calls of one
 * operation. The refused calls change nothing on the server: their request is turned into a harmless DescribeLimits on
 * the way out, and its answer into the service's error on the way back.
 */
public final class RefusedCalls implements ExecutionInterceptor {
    private final String operation;
    private final String errorType;
    private final String message;
    private final int times;
    private final AtomicInteger calls = new AtomicInteger();

    public RefusedCalls(String operation, String errorType, String message, int times) {
        this.operation = operation;
        this.errorType = errorType;
        this.message = message;
        this.times = times;
    }

    /** CreateTable answered with LimitExceededException ("too many table operations at once"). */
    public static RefusedCalls limitExceededOnCreate(int times) {
        return new RefusedCalls("CreateTable", "LimitExceededException",
                "Subscriber limit exceeded: Only 500 tables can be created, updated, or deleted simultaneously", times);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)) && calls.getAndIncrement() < times) {
            return context.httpRequest().toBuilder().putHeader("X-Amz-Target", "DynamoDB_20120810.DescribeLimits").build();
        }
        return context.httpRequest();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if (context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").endsWith(".DescribeLimits")) {
            return ServiceErrors.replaceWith(errorType, context, attributes);
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return ServiceErrors.body(context, attributes, message);
    }

    /** How many calls were refused. */
    public int refused() {
        return Math.min(calls.get(), times);
    }
}
