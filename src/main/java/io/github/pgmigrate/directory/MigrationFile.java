package io.github.pgmigrate.directory;

import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.StatementSplitter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One migration file: its exact bytes (which feed atlas.sum), its name-derived version and description, and, parsed
 * on first use, its text, directives and statements.
 */
public final class MigrationFile {
    private final MigrationName name;
    private final byte[] content;
    private String text;
    private SqlSyntaxException invalidUtf8;
    private FileDirectives directives;
    private List<Statement> statements;

    private MigrationFile(String fileName, byte[] content) {
        this.name = MigrationName.of(fileName);
        this.content = content;
    }

    public static MigrationFile of(String fileName, byte[] content) {
        return new MigrationFile(fileName, content);
    }

    public static MigrationFile of(String fileName, String content) {
        return new MigrationFile(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    public static MigrationFile read(Path path) throws IOException {
        return new MigrationFile(path.getFileName().toString(), Files.readAllBytes(path));
    }

    public String name() {
        return name.fileName();
    }

    public String version() {
        return name.version();
    }

    public String description() {
        return name.description();
    }

    /** The exact bytes of the file; callers must not modify the array. */
    public byte[] content() {
        return content;
    }

    /** The file decoded as UTF-8; invalid sequences are replaced (and {@link #statements()} refuses the file). */
    public synchronized String text() {
        decode();
        return text;
    }

    private void decode() {
        if (text != null) {
            return;
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content);
        try {
            text = strict.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            invalidUtf8 = invalidUtf8At(bytes.position());
            text = new String(content, StandardCharsets.UTF_8);
        }
    }

    private SqlSyntaxException invalidUtf8At(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SqlSyntaxException(line, offset - lineStart + 1, "the file is not valid UTF-8 (byte "
                + String.format("0x%02X", content[offset] & 0xFF) + ")",
                "save it as UTF-8: PostgreSQL migrations are read as UTF-8, as Atlas reads them");
    }

    public synchronized FileDirectives directives() {
        if (directives == null) {
            directives = FileDirectives.parse(text());
        }
        return directives;
    }

    /**
     * The statements, split as Atlas's PostgreSQL scanner does; parsed once. A file that is not valid UTF-8 has none:
     * it fails here, at the first byte that is not.
     */
    public synchronized List<Statement> statements() throws SqlSyntaxException {
        decode();
        if (invalidUtf8 != null) {
            throw invalidUtf8;
        }
        if (statements == null) {
            statements = StatementSplitter.split(text());
        }
        return statements;
    }

    /**
     * Whether the file opts out of atlas.sum with {@code atlas:sum ignore} on its first line. Its name still feeds the
     * running hash, its content does not, and it gets no line of its own.
     */
    public boolean isSumIgnored() {
        int newline = indexOf((byte) '\n');
        String firstLine = new String(content, 0, newline < 0 ? content.length : newline, StandardCharsets.UTF_8);
        return DirectiveSyntax.match(firstLine)
                .filter(m -> m.name().equals("sum") && m.argument().equals("ignore"))
                .isPresent();
    }

    private int indexOf(byte b) {
        for (int i = 0; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return name();
    }
}
