package dev.ember.migrate.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads source files whatever their encoding (users' complaint: converters crash on non-UTF-8
 * files): strict UTF-8 first, else ISO-8859-1 (which reads any byte), written back the same way.
 */
public final class SourceText {
    private SourceText() {
    }

    /** UTF-8 when the file decodes strictly as UTF-8, else ISO-8859-1. */
    public static Charset charsetOf(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    /** The file's text in its own encoding. */
    public static String read(Path file, Charset charset) throws IOException {
        return new String(Files.readAllBytes(file), charset);
    }
}
