package dev.dynoctl.export;

/** An export that cannot be written: the table cannot be put in the format, or a file cannot be written. */
public final class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
