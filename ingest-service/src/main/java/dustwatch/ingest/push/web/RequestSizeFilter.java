package dustwatch.ingest.push.web;

import dustwatch.contracts.topic.Json;
import dustwatch.ingest.push.IngestLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bounds the body of {@code POST /api/v1/ingest/**} (plain push and envelope) and {@code PUT /api/v1/registry/**} to
 * {@link IngestLimits#maxRequestBytes()} ({@code dustwatch.ingest.limits.max-request-bytes}, default 8 MiB), so
 * that a huge push cannot exhaust the heap. A declared {@code Content-Length} above the limit is answered 413
 * problem ({@code application/problem+json}, detail naming the limit, member {@code limit} in bytes) before the
 * body is read. A body without {@code Content-Length} (chunked) is read into memory up to the limit; once one
 * byte more arrives it is answered 413 the same way, otherwise the request goes on with the buffered body.
 */
@Component
public class RequestSizeFilter extends OncePerRequestFilter {
    private final long limit;

    public RequestSizeFilter(IngestLimits limits) {
        this.limit = limits.maxRequestBytes().toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(("POST".equals(request.getMethod()) && path.startsWith("/api/v1/ingest/"))
                || ("PUT".equals(request.getMethod()) && path.startsWith("/api/v1/registry/")));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, "the body declares " + declared + " bytes");
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        InputStream in = request.getInputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            body.write(buffer, 0, n);
            if (body.size() > limit) {
                tooLarge(response, "the chunked body exceeds " + limit + " bytes");
                return;
            }
        }
        chain.doFilter(new BufferedRequest(request, body.toByteArray()), response);
    }

    private void tooLarge(HttpServletResponse response, String what) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Request too large");
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", what + "; the limit is " + limit + " bytes (dustwatch.ingest.limits.max-request-bytes)"
                + "; split the batch");
        problem.put("limit", limit);
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] json = Json.MAPPER.writeValueAsBytes(problem);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
        response.flushBuffer();
    }

    /** The request with its body already read (at most the limit). */
    static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already buffered");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
