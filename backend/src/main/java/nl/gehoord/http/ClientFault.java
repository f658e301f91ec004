package nl.gehoord.http;

import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Tells a failure of the client's side of the connection from a fault of ours. Reading a body can fail
 * because the client sent less than it announced, broke the chunked framing or went away; Jetty signals all
 * of them with exceptions that carry a 4xx code or are an end of file, sometimes wrapped by whoever read the
 * stream. Those are the client's; everything else is ours.
 */
final class ClientFault {
    private ClientFault() {
    }

    /** The 4xx status to answer with, or null when the exception is not the client's doing. */
    static Integer status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return http.getCode() == 408 ? 408 : http.getCode() == 413 ? 413 : 400;
            }
            if (t instanceof EofException || t instanceof java.io.EOFException) {
                return 400;
            }
            if (t instanceof TimeoutException) {
                return 408;
            }
        }
        return null;
    }

    /** The class names of the chain only: messages of these exceptions can quote what was sent. */
    static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            out.append(out.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
        }
        return out.toString();
    }
}
