package dev.dynoctl.aws;

import java.net.URI;
import java.net.URISyntaxException;

/** Endpoint URLs as users give them: http or https, a host, nothing else surprising. */
public final class Endpoints {
    private Endpoints() {
    }

    /** @throws IllegalArgumentException naming {@code source} (an option or variable) when the URL is unusable */
    public static URI parse(String source, String text) {
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException(source + ": expected an http:// or https:// URL with a host, e.g. "
                        + "http://localhost:8000 (got '" + text + "')");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + ": not a valid URL (got '" + text + "')");
        }
    }
}
