package dev.dynoctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynoctl.aws.DynamoDbClients;
import dev.dynoctl.support.CliRun;
import dev.dynoctl.support.Terminals;
import dev.dynoctl.table.WaitClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Generated hostile values for every option (empty, huge, unicode, control characters, shell metacharacters, negative
 * and overflowing numbers, options given twice): always exit 2 with one line on stderr, nothing on stdout, and no
 * request sent (so nothing created).
 */
class HostileInputTest {
    private static final String HOSTILE = " ;|&$`'\"\\\n\t\r\u0000\u0007\u00e9\u4e2d\ud83d\ude00<>(){}[]*?~!#%^,";
    private static final List<String> BASE = List.of("create-table", "--name", "Users", "--pk", "id:S");

    /** Options whose every hostile value is invalid, and the arguments they need to be checked. */
    private static final List<List<String>> OPTIONS = List.of(
            List.of("--name"), List.of("--table-name"), List.of("--sk"), List.of("--billing-mode"),
            List.of("--wait-timeout"), List.of("--gsi"), List.of("--lsi"), List.of("--stream"), List.of("--sse"),
            List.of("--table-class"), List.of("--ttl-attribute"), List.of("--max-read-units"), List.of("--max-write-units"),
            List.of("--warm-read-units"), List.of("--warm-write-units"), List.of("--resource-policy"), List.of("--region"),
            List.of("--endpoint-url"), List.of("--output"), List.of("--spec"));

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> mixed = Arbitraries.strings().withChars(HOSTILE.toCharArray()).ofMinLength(0).ofMaxLength(300);
        Arbitrary<String> huge = Arbitraries.strings().withChars(HOSTILE.toCharArray()).ofLength(20_000);
        return Arbitraries.frequencyOf(Tuple.of(9, mixed), Tuple.of(1, huge));
    }

    @Provide
    Arbitrary<String> badNumber() {
        return Arbitraries.oneOf(
                Arbitraries.longs().lessOrEqual(0).map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(20).ofMaxLength(40),
                Arbitraries.of("1e5", "0x10", "5.5", "+-1", "", " ", "NaN", "∞", "١٢", "5;rm -rf /", "$(id)"),
                hostile());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<List<String>, String>> optionAndValue() {
        return Combinators.combine(Arbitraries.of(OPTIONS), hostile()).as(Tuple::of);
    }

    @Property(tries = 120)
    void every_option_rejects_hostile_values(@ForAll("optionAndValue") Tuple.Tuple2<List<String>, String> case_) {
        String option = case_.get1().get(0);
        String value = option.equals("--ttl-attribute") || option.equals("--resource-policy") || option.equals("--spec")
                ? prefixForNeverValid(option) + case_.get2() : case_.get2();
        List<String> args = new ArrayList<>(BASE);
        if (option.equals("--table-name")) {
            args.subList(1, 3).clear();
        }
        if (option.equals("--name")) {
            args.subList(1, 3).clear();
        }
        args.add(option + "=" + value);
        rejected(args);
    }

    /** Values that stay invalid whatever follows: a TTL name with a control character, broken JSON, an impossible path. */
    private static String prefixForNeverValid(String option) {
        return switch (option) {
            case "--ttl-attribute" -> "\u0001";
            case "--resource-policy" -> "{\u0001"; // a raw control character: never valid JSON, whatever follows
            default -> "/no/such/dir/\u0000";
        };
    }

    @Property(tries = 80)
    void capacities_reject_bad_numbers(@ForAll("badNumber") String value, @ForAll boolean read) {
        List<String> args = new ArrayList<>(BASE);
        args.addAll(List.of("--billing-mode", "provisioned", "--read-capacity", read ? value : "5", "--write-capacity",
                read ? "5" : value));
        args.replaceAll(a -> a.isEmpty() ? "" : a);
        rejected(withEquals(args));
    }

    @Property(tries = 60)
    void pitr_days_reject_bad_numbers(@ForAll("badNumber") String value) {
        List<String> args = new ArrayList<>(BASE);
        args.addAll(List.of("--pitr", "--pitr-recovery-days=" + value));
        rejected(args);
    }

    @Property(tries = 60)
    void key_types_reject_hostile_values(@ForAll("hostile") String type, @ForAll boolean sortKey) {
        List<String> args = new ArrayList<>(List.of("create-table", "--name", "Users", "--pk=" + (sortKey ? "id:S" : "id:" + type)));
        if (sortKey) {
            args.add("--sk=ts:" + type);
        }
        rejected(args);
    }

    @Property(tries = 60)
    void tags_reject_control_characters_and_reserved_keys(@ForAll("hostile") String text) {
        List<String> args = new ArrayList<>(BASE);
        args.add("--tag=" + "k\u0002" + text + "=v");
        rejected(args);
        List<String> reserved = new ArrayList<>(BASE);
        reserved.add("--tag=aws:" + text.replace("=", "") + "=v");
        rejected(reserved);
    }

    @Property(tries = 30)
    void options_given_twice_are_refused(@ForAll("single") String option) {
        List<String> args = new ArrayList<>(BASE);
        String value = switch (option) {
            case "--name", "--pk" -> option.equals("--name") ? "Other" : "id:S";
            case "--read-capacity", "--write-capacity" -> "5";
            case "--billing-mode" -> "on-demand";
            case "--wait-timeout" -> "1m";
            default -> "KEYS_ONLY";
        };
        args.addAll(List.of(option, value, option, value));
        rejected(args);
    }

    @Provide
    Arbitrary<String> single() {
        return Arbitraries.of("--name", "--pk", "--billing-mode", "--read-capacity", "--write-capacity", "--wait-timeout", "--stream");
    }

    /** The shared AWS and output options sit in argument groups, where picocli itself would not refuse a repeat. */
    @Property(tries = 40)
    void shared_options_given_twice_are_refused_on_every_command(@ForAll("commands") String command,
                                                                @ForAll("shared") List<String> option) {
        List<String> args = new ArrayList<>(List.of(command));
        if (!command.equals("list-tables")) {
            args.addAll(List.of("--name", "Users"));
        }
        if (command.equals("create-table")) {
            args.addAll(List.of("--pk", "id:S"));
        }
        if (command.equals("wait")) {
            args.addAll(List.of("--until", "active"));
        }
        args.add("--local");
        args.addAll(option);
        args.addAll(option);
        List<String> all = new ArrayList<>(args);
        all.remove("--local");
        CliRun run = rejected(option.get(0).equals("--endpoint-url") ? all : args);
        assertThat(run.err()).contains("should be specified only once");
    }

    @Provide
    Arbitrary<String> commands() {
        return Arbitraries.of("create-table", "describe-table", "list-tables", "delete-table", "wait", "export-table");
    }

    @Provide
    Arbitrary<List<String>> shared() {
        return Arbitraries.of(List.of("--region", "eu-west-1"), List.of("--profile", "ci"), List.of("-o", "json"),
                List.of("--output", "text"), List.of("--endpoint-url", "http://127.0.0.1:9"), List.of("-q"), List.of("--local"));
    }

    private static List<String> withEquals(List<String> args) {
        List<String> joined = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && i + 1 < args.size() && !args.get(i + 1).startsWith("--")
                    && !arg.equals("--pitr")) {
                joined.add(arg + "=" + args.get(++i));
            } else {
                joined.add(arg);
            }
        }
        return joined;
    }

    private static CliRun rejected(List<String> args) {
        List<String> requests = new CopyOnWriteArrayList<>();
        ExecutionInterceptor guard = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request().getClass().getSimpleName());
            }
        };
        List<String> all = new ArrayList<>(args);
        if (all.stream().noneMatch(a -> a.startsWith("--endpoint-url"))) {
            all.addAll(List.of("--endpoint-url", "http://127.0.0.1:9"));
        }
        if (all.stream().noneMatch(a -> a.startsWith("--region"))) {
            all.addAll(List.of("--region", "us-east-1"));
        }
        CliContext context = new CliContext(new DynamoDbClients(Map.of(), List.of(guard)), Terminals.NONE, WaitClock.SYSTEM);
        CliRun run = CliRun.run(context, all.toArray(String[]::new)).expect(ExitCode.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(requests).as("requests sent").isEmpty();
        return run;
    }
}
