package studio.rondo.dataset.catalog;

import java.io.IOException;

/** A download or its unpacking failed; the message says why in words and can be shown as is. */
public final class DownloadException extends IOException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
