package io.dossierpulse.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/pulse token --role ingest|operator|admin [--ttl 1h]}: prints a token signed with the
 * demo's local key (./work/jwt, made by bin/demo). The last line of the output is the token alone.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Print a bearer token signed with the local key (the demo's issuer).")
public final class TokenCli implements Callable<Integer> {

    static final Duration MAX_TTL = Duration.ofDays(7);

    @Option(names = "--role", required = true, description = "ingest, operator or admin")
    String role;

    @Option(names = "--ttl", defaultValue = "1h", description = "lifetime: 90s, 30m, 1h, 2d or ISO-8601 (PT1H); at most 7d")
    String ttl;

    @Option(names = "--subject", defaultValue = "local-user", description = "the token's subject (no personal data)")
    String subject;

    public static int run(String... args) {
        return new CommandLine(new TokenCli()).execute(args);
    }

    @Override
    public Integer call() {
        String r = role.toLowerCase(Locale.ROOT);
        if (!Roles.ALL.contains(r)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown role " + role + "; one of " + Roles.ALL);
        }
        Duration lifetime;
        try {
            lifetime = parse(ttl);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_TTL) > 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--ttl must be above 0 and at most 7d");
        }
        System.out.println(TokenIssuer.fromLaunchSettings().token(subject, Set.of(r), lifetime));
        return 0;
    }

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (90s, 30m, 1h, 2d or PT1H)");
        }
    }
}
