package dev.dynoctl.table;

import java.util.Map;
import java.util.Optional;

/** Template contexts for tests: no parameters, us-east-1 in the aws partition, no account known. */
public final class Templates {
    static final TemplateContext.Region US_EAST_1 = new TemplateContext.Region("us-east-1", "aws", "amazonaws.com");

    private Templates() {
    }

    public static TemplateContext none() {
        return new TemplateContext(Map.of(), Optional.empty(), Optional.empty(), () -> US_EAST_1, false, false);
    }
}
