package dev.dynoctl.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;

/**
 * Makes an emulator behave like the real service, whose tables stay CREATING for a while: DescribeTable
 * and CreateTable responses report {@code status} until {@code holdFor} has passed since the hold began
 * (at our CreateTable, or at once with {@link #fromNow}). Test-only: dynoctl's client is real, only the
 * status field of the answers is rewritten. Records when each DescribeTable answer came and what it said.
 */
public final class HeldStatus implements ExecutionInterceptor {
    private final String status;
    private final Duration holdFor;
    private volatile long heldSince = -1;
    private final List<Poll> polls = new CopyOnWriteArrayList<>();

    public record Poll(long nanos, String status) {
    }

    private HeldStatus(String status, Duration holdFor) {
        this.status = status;
        this.holdFor = holdFor;
    }

    /** Hold {@code status} for {@code holdFor} after dynoctl's CreateTable. */
    public static HeldStatus afterCreate(String status, Duration holdFor) {
        return new HeldStatus(status, holdFor);
    }

    /** Hold {@code status} for {@code holdFor} from now (for tables that exist already). */
    public static HeldStatus fromNow(String status, Duration holdFor) {
        HeldStatus held = new HeldStatus(status, holdFor);
        held.heldSince = System.nanoTime();
        return held;
    }

    public static final Duration FOREVER = Duration.ofDays(1);

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof CreateTableResponse created) {
            if (heldSince < 0) {
                heldSince = System.nanoTime();
            }
            return holding() ? created.toBuilder()
                    .tableDescription(created.tableDescription().toBuilder().tableStatus(status).build()).build() : created;
        }
        if (context.response() instanceof DescribeTableResponse described) {
            DescribeTableResponse answer = holding()
                    ? described.toBuilder().table(described.table().toBuilder().tableStatus(status).build()).build()
                    : described;
            polls.add(new Poll(System.nanoTime(), answer.table().tableStatusAsString()));
            return answer;
        }
        return context.response();
    }

    private boolean holding() {
        return heldSince >= 0 && System.nanoTime() - heldSince < holdFor.toNanos();
    }

    public List<Poll> polls() {
        return polls;
    }

    /** When the held status ends (nanoTime). */
    public long releasedAt() {
        return heldSince + holdFor.toNanos();
    }
}
