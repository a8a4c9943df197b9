package org.agora.embed;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.agora.poll.PollKind;

/** The JSON the widget reads and writes. Field names are the API's contract: rename nothing. */
final class WidgetJson {
    private WidgetJson() {
    }

    @Schema(name = "EmbeddedPoll", description = "What an embedded poll widget shows")
    record EmbeddedPoll(long id, PollKind kind, String question,
                        @Schema(description = "OPEN, CLOSED (also past its closing time) or RESOLVED") String status,
                        @Schema(description = "whether this poll may be shown on other sites") boolean embeddable,
                        @Schema(description = "whether readers may vote here without an Agora account") boolean anonymousVoting,
                        @Schema(description = "open, and taking readers' ballots now") boolean acceptsReaderBallots,
                        @Schema(description = "whether the reader's token has voted") boolean voted,
                        List<Option> options, int minChoices, int maxChoices,
                        @Schema(nullable = true) Integer scaleMin, @Schema(nullable = true) Integer scaleMax, int scaleStep,
                        @Schema(nullable = true) String scaleLowLabel, @Schema(nullable = true) String scaleHighLabel,
                        @Schema(description = "the poll's page on Agora (members vote there)") String url,
                        @Schema(nullable = true, description = "the debate thread on Agora") String threadUrl,
                        @Schema(nullable = true, description = "why results are hidden (a message key), null if shown") String resultsHidden,
                        @Schema(nullable = true, description = "Agora members' ballots") Tally members,
                        @Schema(nullable = true, description = "readers' anonymous ballots on embedding sites") Tally readers,
                        @Schema(nullable = true, description = "members' results by the side they took in the thread") List<SideGroup> stances,
                        @Schema(nullable = true, description = "the most convincing argument per side (PRO, CON)") Map<String, Argument> arguments) {
    }

    /** An option; {@code other} options take free text, which only members can give on Agora. */
    record Option(long id, String label, boolean other) {
    }

    @Schema(name = "Tally", description = "Counts per bucket: an option id, or a scale or forecast value")
    record Tally(long voters, Map<String, Long> counts) {
        static Tally of(long voters, Map<Long, Long> counts) {
            var out = new TreeMap<String, Long>();
            counts.forEach((k, v) -> out.put(String.valueOf(k), v));
            return new Tally(voters, out);
        }
    }

    @Schema(name = "SideGroup", description = "Members who took this side in the thread; counts by answer key (o<optionId>, v<value>, q<quarter>) when the group is large enough to show")
    record SideGroup(String side, int voters, boolean shown, Map<String, Long> counts) {
    }

    record Argument(String excerpt, int convincing, String url) {
    }

    @Schema(name = "VoterToken", description = "An anonymous voter token, good for this poll only until expiresAt")
    record VoterToken(String token, Instant expiresAt) {
    }

    @Schema(name = "ReaderBallot", description = "`token` and either `options` (option ids) or `value` (a scale point)")
    record ReaderBallot(String token, @Schema(nullable = true) List<Long> options, @Schema(nullable = true) Integer value) {
    }
}
