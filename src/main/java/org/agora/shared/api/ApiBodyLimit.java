package org.agora.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies to the JSON API are capped (1 MiB: a 20,000-character post is far smaller even in UTF-8 and
 * JSON-escaped), so a huge upload is refused with 413 instead of being read into memory first.
 */
@Configuration(proxyBeanMethods = false)
class ApiBodyLimit {
    static final long MAX_BYTES = 1 << 20;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiBodyLimitFilter() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (request.getContentLengthLong() > MAX_BYTES) {
                    tooLarge(response);
                    return;
                }
                chain.doFilter(new Limited(request), response);
            }
        });
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(-200);
        return registration;
    }

    static void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/problem+json");
        response.getWriter().write("""
                {"title":"Content Too Large","status":413,"detail":"Request bodies are limited to 1 MiB.","code":"api.tooLarge"}""");
    }

    /** Counts what is read of a body sent without a length (chunked) and stops at the cap. */
    private static final class Limited extends HttpServletRequestWrapper {
        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > MAX_BYTES) {
                        throw new IOException("request body over " + MAX_BYTES + " bytes");
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0 && (read += n) > MAX_BYTES) {
                        throw new IOException("request body over " + MAX_BYTES + " bytes");
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
