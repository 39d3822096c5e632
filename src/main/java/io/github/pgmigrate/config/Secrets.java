package io.github.pgmigrate.config;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps passwords out of everything a user sees: URLs are shown masked and messages are scrubbed. */
public final class Secrets {
    public static final String MASK = "****";
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^:/?#@]*):[^/?#]*@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;](?:password|sslpassword)=)[^&;#]*");

    private Secrets() {
    }

    /** The URL with any password (in the user info or a query parameter) replaced by {@value #MASK}. */
    public static String redactUrl(String url) {
        if (url == null) {
            return null;
        }
        String withoutUserinfo = maskUserinfo(url);
        return PASSWORD_PARAMETER.matcher(withoutUserinfo).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    private static String maskUserinfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (scheme < 0 || at < scheme) {
            return url;
        }
        Matcher m = USERINFO_PASSWORD.matcher(url.substring(0, at + 1));
        if (m.find()) {
            return m.group(1) + ":" + MASK + url.substring(at);
        }
        int colon = url.indexOf(':', scheme + 3);
        if (colon >= 0 && colon < at) {
            return url.substring(0, colon) + ":" + MASK + url.substring(at);
        }
        return url;
    }

    /**
     * The places among {@code url} and {@code password} that hold a secret as plain text, which Maven's {@code -X}
     * parameter dump prints; {@code env:NAME} references are safe.
     *
     * @param where how the places are named, appended to {@code <password>}, e.g. {@code  of environment "prod"}
     */
    public static List<String> literalIn(String url, String password, String where) {
        List<String> places = new ArrayList<>();
        if (password != null && !password.isBlank() && !SecretSources.isReference(password)) {
            places.add("<password>" + where);
        }
        if (url != null && !SecretSources.isReference(url) && !url.equals(redactUrl(url))) {
            places.add("the password in <url>" + where);
        }
        return places;
    }

    /** The text with every occurrence of the secret (raw or percent-encoded) replaced by {@value #MASK}. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        String scrubbed = text.replace(secret, MASK);
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        if (!encoded.equals(secret)) {
            scrubbed = scrubbed.replace(encoded, MASK).replace(encoded.replace("+", "%20"), MASK);
        }
        return scrubbed;
    }
}
