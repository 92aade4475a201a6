package dev.dynoctl.support;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Real DynamoDB may answer DescribeTable with ResourceNotFoundException for a few seconds after CreateTable
 * (its metadata is eventually consistent). This interceptor replays that on an emulator: for {@code window}
 * after our CreateTable, DescribeTable's answer becomes the service's ResourceNotFoundException.
 */
public final class NotFoundAfterCreate implements ExecutionInterceptor {
    private final Duration window;
    private volatile long createdAt = -1;
    private final AtomicInteger notFoundAnswers = new AtomicInteger();

    public NotFoundAfterCreate(Duration window) {
        this.window = window;
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if ("CreateTable".equals(operation)) {
            createdAt = System.nanoTime();
        }
        if ("DescribeTable".equals(operation) && createdAt >= 0 && System.nanoTime() - createdAt < window.toNanos()) {
            notFoundAnswers.incrementAndGet();
            return ServiceErrors.replaceWith("ResourceNotFoundException", context, attributes);
        }
        return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        return ServiceErrors.body(context, attributes, "Requested resource not found");
    }

    public int notFoundAnswers() {
        return notFoundAnswers.get();
    }
}
