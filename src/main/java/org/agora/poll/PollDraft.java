package org.agora.poll;

import java.time.Instant;
import java.util.List;

/**
 * What a member writes to create a poll: the question, its kind and answers, and the rules it runs by. The
 * "other" answer (single and multiple choice only) comes after the named options and takes the voter's words.
 */
public record PollDraft(PollKind kind, String question, String description, List<String> options,
                        boolean allowOther, int minChoices, int maxChoices, Integer scaleMin, Integer scaleMax,
                        int scaleStep, String scaleLowLabel, String scaleHighLabel, ResultsVisibility visibility,
                        boolean publicVoters, Instant closesAt, String resolutionCriteria, Instant resolvesAt) {
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 20;
    public static final int MAX_OPTION_CHARS = 120;
    public static final int MAX_QUESTION_CHARS = 300;
    public static final int MIN_QUESTION_CHARS = 5;
    public static final int MAX_DESCRIPTION_CHARS = 5000;
    public static final int MAX_SCALE_POINTS = 101;
    public static final int MAX_SCALE_LABEL_CHARS = 60;

    public PollDraft {
        options = options == null ? List.of() : List.copyOf(options);
        visibility = visibility == null ? ResultsVisibility.ALWAYS : visibility;
        scaleStep = Math.max(scaleStep, 1);
    }

    /** A single-choice poll with these answers and default rules (a starting point for forms and tests). */
    public static PollDraft single(String question, List<String> options) {
        return new PollDraft(PollKind.SINGLE, question, "", options, false, 1, 1, null, null, 1, null, null,
                ResultsVisibility.ALWAYS, false, null, "", null);
    }

    /** An agree–disagree scale of 5 or 7 points. */
    public static PollDraft agreement(String question, int points) {
        return new PollDraft(PollKind.SCALE, question, "", List.of(), false, 1, 1, 1, points, 1,
                "Strongly disagree", "Strongly agree", ResultsVisibility.ALWAYS, false, null, "", null);
    }

    /** A probability forecast closing and resolving at these times. */
    public static PollDraft forecast(String question, String criteria, Instant closesAt, Instant resolvesAt) {
        return new PollDraft(PollKind.FORECAST, question, "", List.of(), false, 1, 1, null, null, 1, null, null,
                ResultsVisibility.ALWAYS, false, closesAt, criteria, resolvesAt);
    }

    public PollDraft withOptions(List<String> newOptions) {
        return new PollDraft(kind, question, description, newOptions, allowOther, minChoices, maxChoices, scaleMin,
                scaleMax, scaleStep, scaleLowLabel, scaleHighLabel, visibility, publicVoters, closesAt,
                resolutionCriteria, resolvesAt);
    }

    public PollDraft withChoices(int min, int max) {
        return new PollDraft(kind, question, description, options, allowOther, min, max, scaleMin, scaleMax,
                scaleStep, scaleLowLabel, scaleHighLabel, visibility, publicVoters, closesAt, resolutionCriteria,
                resolvesAt);
    }

    public PollDraft withRules(ResultsVisibility newVisibility, boolean newPublicVoters, Instant newClosesAt) {
        return new PollDraft(kind, question, description, options, allowOther, minChoices, maxChoices, scaleMin,
                scaleMax, scaleStep, scaleLowLabel, scaleHighLabel, newVisibility, newPublicVoters, newClosesAt,
                resolutionCriteria, resolvesAt);
    }

    /** The same draft with another question, description and answers (e.g. after the content filter). */
    public PollDraft withTexts(String newQuestion, String newDescription, List<String> newOptions) {
        return new PollDraft(kind, newQuestion, newDescription, newOptions, allowOther, minChoices, maxChoices,
                scaleMin, scaleMax, scaleStep, scaleLowLabel, scaleHighLabel, visibility, publicVoters, closesAt,
                resolutionCriteria, resolvesAt);
    }

    public PollDraft withOther(boolean other) {
        return new PollDraft(kind, question, description, options, other, minChoices, maxChoices, scaleMin,
                scaleMax, scaleStep, scaleLowLabel, scaleHighLabel, visibility, publicVoters, closesAt,
                resolutionCriteria, resolvesAt);
    }
}
