package org.agora.shared.api;

import java.util.Locale;
import org.agora.shared.i18n.Messages;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the API's problem details: {@code code} is the message key, {@code detail} its English message. */
public final class Problems {
    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, Object... args) {
        var problem = ProblemDetail.forStatusAndDetail(status, Messages.get(Locale.ENGLISH, code, args));
        problem.setProperty("code", code);
        return problem;
    }
}
