package org.agora.poll;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.agora.shared.text.TextInput;

/**
 * Checks a draft and returns it cleaned (text normalised, rules that don't apply to its kind reset), or every
 * problem at once, each tied to the form field it concerns, so a member fixes them in one go and loses nothing.
 */
final class PollDraftCheck {
    static final Duration MAX_OPEN = Duration.ofDays(3650);

    private PollDraftCheck() {
    }

    static PollDraft clean(PollDraft draft, Instant now) {
        var problems = new ArrayList<PollException.Problem>();
        if (draft.kind() == null) {
            problems.add(new PollException.Problem("kind", "draft.kind"));
            throw new PollException(problems);
        }
        String question = TextInput.clean(draft.question());
        int questionLength = TextInput.length(question);
        if (TextInput.isBlank(question) || questionLength < PollDraft.MIN_QUESTION_CHARS
                || questionLength > PollDraft.MAX_QUESTION_CHARS) {
            problems.add(new PollException.Problem("question", "draft.question",
                    PollDraft.MIN_QUESTION_CHARS, PollDraft.MAX_QUESTION_CHARS, questionLength));
        }
        String description = TextInput.clean(draft.description(), true);
        if (TextInput.length(description) > PollDraft.MAX_DESCRIPTION_CHARS) {
            problems.add(new PollException.Problem("description", "draft.description",
                    PollDraft.MAX_DESCRIPTION_CHARS, TextInput.length(description)));
        }
        List<String> options = List.of();
        boolean other = false;
        int min = 1;
        int max = 1;
        Integer scaleMin = null;
        Integer scaleMax = null;
        int step = 1;
        String low = null;
        String high = null;
        String criteria = "";
        Instant resolvesAt = null;
        switch (draft.kind()) {
            case SINGLE, MULTIPLE, RANKED -> {
                options = options(draft.options(), problems);
                other = draft.allowOther() && draft.kind() != PollKind.RANKED;
                int answers = options.size() + (other ? 1 : 0);
                if (draft.kind() == PollKind.MULTIPLE) {
                    min = Math.max(1, draft.minChoices());
                    max = draft.maxChoices() <= 0 ? answers : draft.maxChoices();
                    if (min > max || max > Math.max(answers, 1)) {
                        problems.add(new PollException.Problem("choices", "draft.choices", answers));
                    }
                } else if (draft.kind() == PollKind.RANKED) {
                    max = Math.max(options.size(), 1);
                }
            }
            case SCALE -> {
                scaleMin = draft.scaleMin();
                scaleMax = draft.scaleMax();
                step = draft.scaleStep();
                if (scaleMin == null || scaleMax == null || scaleMin >= scaleMax
                        || (scaleMax - scaleMin) % step != 0 || (scaleMax - scaleMin) / step + 1 > PollDraft.MAX_SCALE_POINTS
                        || Math.abs((long) scaleMin) > 1_000_000 || Math.abs((long) scaleMax) > 1_000_000) {
                    problems.add(new PollException.Problem("scale", "draft.scale", PollDraft.MAX_SCALE_POINTS));
                }
                low = label(draft.scaleLowLabel(), "scaleLowLabel", problems);
                high = label(draft.scaleHighLabel(), "scaleHighLabel", problems);
            }
            case FORECAST -> {
                criteria = TextInput.clean(draft.resolutionCriteria(), true);
                if (TextInput.isBlank(criteria) || TextInput.length(criteria) > PollDraft.MAX_DESCRIPTION_CHARS) {
                    problems.add(new PollException.Problem("resolutionCriteria", "draft.criteria",
                            PollDraft.MAX_DESCRIPTION_CHARS));
                }
                if (draft.closesAt() == null) {
                    problems.add(new PollException.Problem("closesAt", "draft.forecastCloses"));
                }
                resolvesAt = draft.resolvesAt() == null ? draft.closesAt() : draft.resolvesAt();
                if (resolvesAt != null && draft.closesAt() != null && resolvesAt.isBefore(draft.closesAt())) {
                    problems.add(new PollException.Problem("resolvesAt", "draft.resolvesBeforeClose"));
                }
            }
        }
        if (draft.closesAt() != null && (!draft.closesAt().isAfter(now) || draft.closesAt().isAfter(now.plus(MAX_OPEN)))) {
            problems.add(new PollException.Problem("closesAt", "draft.closesAt"));
        }
        if (!problems.isEmpty()) {
            throw new PollException(problems);
        }
        return new PollDraft(draft.kind(), question, description, options, other, min, max, scaleMin, scaleMax, step,
                low, high, draft.visibility(), draft.publicVoters(), draft.closesAt(), criteria, resolvesAt);
    }

    private static List<String> options(List<String> raw, List<PollException.Problem> problems) {
        var cleaned = new ArrayList<String>();
        var seen = new HashSet<String>();
        for (int i = 0; i < raw.size(); i++) {
            String label = TextInput.clean(raw.get(i));
            if (TextInput.isBlank(label)) {
                continue; // an empty row in the form is not an answer
            }
            if (TextInput.length(label) > PollDraft.MAX_OPTION_CHARS) {
                problems.add(new PollException.Problem("option." + i, "draft.optionLength",
                        i + 1, PollDraft.MAX_OPTION_CHARS, TextInput.length(label)));
            }
            if (!seen.add(Normalizer.normalize(label, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))) {
                problems.add(new PollException.Problem("option." + i, "draft.optionDuplicate", i + 1, label));
            }
            cleaned.add(label);
        }
        if (cleaned.size() < PollDraft.MIN_OPTIONS || cleaned.size() > PollDraft.MAX_OPTIONS) {
            problems.add(new PollException.Problem("options", "draft.optionCount",
                    PollDraft.MIN_OPTIONS, PollDraft.MAX_OPTIONS, cleaned.size()));
        }
        return List.copyOf(cleaned);
    }

    private static String label(String raw, String field, List<PollException.Problem> problems) {
        String label = TextInput.clean(raw);
        if (TextInput.isBlank(label)) {
            return null;
        }
        if (TextInput.length(label) > PollDraft.MAX_SCALE_LABEL_CHARS) {
            problems.add(new PollException.Problem(field, "draft.scaleLabel", PollDraft.MAX_SCALE_LABEL_CHARS));
        }
        return label;
    }
}
