package dev.dynoctl.table;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a run gives the templates it reads: parameter values (--parameter), the values of the pseudo parameters, and
 * what to do with what dynoctl cannot apply.
 *
 * @param accountId AWS::AccountId; empty while not known: {@link #STAND_IN_ACCOUNT} stands in, and the read says the
 *                  templates used it, so the command can look it up (after everything else was checked) and read again
 * @param region    AWS::Region with its partition and URL suffix, asked for only when a template uses one of them
 */
public record TemplateContext(Map<String, String> parameters, Optional<String> stackName, Optional<String> accountId,
                              Supplier<Region> region, boolean nameFromLogicalId, boolean ignoreUnsupported) {
    /** The account moto and LocalStack report; AWS::AccountId against a local endpoint, and the stand-in while reading. */
    public static final String STAND_IN_ACCOUNT = "123456789012";

    public record Region(String name, String partition, String urlSuffix) {
    }

    public TemplateContext {
        parameters = Map.copyOf(parameters);
    }

    public TemplateContext withAccountId(String account) {
        return new TemplateContext(parameters, stackName, Optional.of(account), region, nameFromLogicalId, ignoreUnsupported);
    }
}
