package org.agora.poll;

public record PollOption(long id, String label, int position) {
}
