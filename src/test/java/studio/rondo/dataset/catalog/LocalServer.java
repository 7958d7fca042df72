package studio.rondo.dataset.catalog;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An HTTP server on 127.0.0.1 (a free port) for download tests: nothing here touches the internet. */
public final class LocalServer implements AutoCloseable {
    private final HttpServer server;

    public LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public LocalServer serve(String path, byte[] body) {
        return handle(path, ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    public LocalServer handle(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            try {
                handler.handle(ex);
            } finally {
                ex.close();
            }
        });
        return this;
    }

    /** Declares the full length, sends only the first {@code sent} bytes, then drops the connection. */
    public LocalServer serveTruncated(String path, byte[] body, int sent) {
        return handle(path, ex -> {
            ex.sendResponseHeaders(200, body.length);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, sent);
            out.flush();
            // Closing the exchange short of the declared length makes the server drop the connection.
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A zip made in memory: pairs of entry name and content. */
    public static byte[] zip(Object... nameAndContent) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameAndContent[i]));
                zip.write((byte[]) nameAndContent[i + 1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
