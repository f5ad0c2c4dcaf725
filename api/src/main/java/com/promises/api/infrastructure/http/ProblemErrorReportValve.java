package com.promises.api.infrastructure.http;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.http.parser.HttpParser;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Tomcat answers some requests itself, before Spring sees them (a URL with "%ZZ" or an encoded
 * slash): this makes those answers problem+json too, in place of Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String title = titleOf(status);
        String code = title.toUpperCase(Locale.ROOT).replace(' ', '_').replace("'", "");
        String json = """
                {"type":"urn:promises:problem:%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(code.toLowerCase(Locale.ROOT).replace('_', '-'), title, status,
                        status == 400 ? "The request's URL or headers cannot be read." : "The request could not be handled.", code);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response was taken over; nothing more to say
        }
    }

    private static String titleOf(int status) {
        var known = org.springframework.http.HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        // Keep the hand-written JSON valid whatever the phrase holds.
        return HttpParser.isToken(title.replace(" ", "")) ? title : "Error " + status;
    }
}
