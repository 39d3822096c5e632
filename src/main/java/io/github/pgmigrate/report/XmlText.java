package io.github.pgmigrate.report;

import java.io.IOException;
import java.io.Writer;

/**
 * Escapes text for XML content and attribute values as the JDK's {@code XMLStreamWriter}, which wrote the JUnit report
 * before, did over a UTF-8 {@code Writer}: {@code < & >} (and {@code "} in attributes) as entities, characters outside
 * the Basic Multilingual Plane (and stray surrogates) as hexadecimal character references; the rest as it is.
 */
final class XmlText {

    private XmlText() {
    }

    static void content(Writer out, String text) throws IOException {
        write(out, text, false);
    }

    /** Writes {@code  name="value"}. */
    static void attribute(Writer out, String name, String value) throws IOException {
        out.write(' ');
        out.write(name);
        out.write("=\"");
        write(out, value, true);
        out.write('"');
    }

    private static void write(Writer out, String text, boolean attribute) throws IOException {
        int written = 0;
        int end = text.length();
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            String replacement;
            int skip = 0;
            if (c == '<') {
                replacement = "&lt;";
            } else if (c == '&') {
                replacement = "&amp;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '"' && attribute) {
                replacement = "&quot;";
            } else if (Character.isSurrogate(c)) {
                boolean pair = i + 1 < end && Character.isSurrogatePair(c, text.charAt(i + 1));
                replacement = "&#x" + Integer.toHexString(pair ? Character.toCodePoint(c, text.charAt(i + 1)) : c) + ";";
                skip = pair ? 1 : 0;
            } else {
                continue;
            }
            out.write(text, written, i - written);
            out.write(replacement);
            i += skip;
            written = i + 1;
        }
        out.write(text, written, end - written);
    }
}
